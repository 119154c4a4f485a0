//! Running commands: echo them, stream their output, fail with a message that says what to do. Also the
//! free ports that the local servers take.

use std::ffi::OsStr;
use std::net::TcpListener;
use std::path::Path;
use std::process::{Child, Command, Stdio};

pub type Result<T = ()> = std::result::Result<T, String>;

/// A command ready to run, printed before it runs so a failing step can be re-run by hand.
pub fn command(program: impl AsRef<OsStr>, args: &[&str]) -> Command {
    let mut command = Command::new(program);
    command.args(args);
    command
}

fn describe(command: &Command) -> String {
    let mut text = command.get_program().to_string_lossy().into_owned();
    for arg in command.get_args() {
        text.push(' ');
        text.push_str(&arg.to_string_lossy());
    }
    text
}

/// Runs to completion with inherited output; a non-zero exit is an error naming the command.
pub fn run(command: &mut Command) -> Result {
    let description = describe(command);
    eprintln!("\x1b[2m$ {description}\x1b[0m");
    let status = command.status().map_err(|error| format!("impossible de lancer `{description}` : {error}"))?;
    if status.success() { Ok(()) } else { Err(format!("`{description}` a échoué ({status})")) }
}

/// Starts in the background, printed like `run`; the caller waits for it, or leaves it running.
pub fn spawn(command: &mut Command) -> Result<Child> {
    let description = describe(command);
    eprintln!("\x1b[2m$ {description}\x1b[0m");
    command.spawn().map_err(|error| format!("impossible de lancer `{description}` : {error}"))
}

/// Runs quietly and returns standard output, or `None` when the program is missing or fails.
pub fn output(command: &mut Command) -> Option<String> {
    let output = command.stdin(Stdio::null()).stderr(Stdio::null()).output().ok()?;
    output.status.success().then(|| String::from_utf8_lossy(&output.stdout).trim().to_owned())
}

pub fn is_root() -> bool {
    output(&mut command("id", &["-u"])).as_deref() == Some("0")
}

pub fn exists_on_path(program: &str) -> bool {
    std::env::var_os("PATH")
        .map(|path| std::env::split_paths(&path).any(|dir| is_executable(&dir.join(program))))
        .unwrap_or(false)
}

pub fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    path.metadata().map(|meta| meta.is_file() && meta.permissions().mode() & 0o111 != 0).unwrap_or(false)
}

/// Installs Debian packages (as root, or through sudo), updating the package lists once first.
pub fn apt_install(packages: &[&str]) -> Result {
    if !exists_on_path("apt-get") {
        return Err(format!(
            "installez {} : ce système n'a pas apt-get (le projet suppose Debian ou Ubuntu)",
            packages.join(", ")
        ));
    }
    eprintln!("installation des paquets Debian : {}", packages.join(" "));
    let elevated = |args: &[&str]| {
        let mut command =
            if is_root() { command("apt-get", args) } else { command("sudo", &[&["apt-get"], args].concat()) };
        command.env("DEBIAN_FRONTEND", "noninteractive");
        command
    };
    run(&mut elevated(&["update", "-q"]))?;
    run(&mut elevated(&[&["install", "-y", "-q", "--no-install-recommends"], packages].concat()))
}

/// A port nobody listens on at 127.0.0.1 right now, for a local server to take.
pub fn free_port() -> Result<u16> {
    let listener = TcpListener::bind(("127.0.0.1", 0)).map_err(|error| error.to_string())?;
    Ok(listener.local_addr().map_err(|error| error.to_string())?.port())
}

pub fn port_is_free(port: u16) -> bool {
    TcpListener::bind(("127.0.0.1", port)).is_ok()
}
