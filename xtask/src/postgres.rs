//! A project-local PostgreSQL cluster, for when `DATABASE_URL` is not set: created in a git-ignored
//! folder, on a free port, listening on 127.0.0.1 with its socket in its own folder, and left running
//! between commands (`cargo xtask db stop` stops it).

use crate::cmd::{Result, apt_install, command, free_port, is_executable, is_root, output, port_is_free, run};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::Command;

pub struct Cluster {
    bin: PathBuf,
    dir: PathBuf,
    pub port: u16,
    /// False when it was already running before this command.
    pub started_here: bool,
}

/// The newest PostgreSQL server installed from Debian's packages (or `PG_BIN_DIR`).
fn find_binaries() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("PG_BIN_DIR").map(PathBuf::from) {
        return is_executable(&dir.join("initdb")).then_some(dir);
    }
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(|entry| {
            let entry = entry.ok()?;
            let version = entry.file_name().to_str()?.parse::<u32>().ok()?;
            let bin = entry.path().join("bin");
            is_executable(&bin.join("initdb")).then_some((version, bin))
        })
        .collect();
    versions.sort();
    versions.pop().map(|(_, bin)| bin)
}

pub fn ensure_binaries() -> Result<PathBuf> {
    if let Some(bin) = find_binaries() {
        return Ok(bin);
    }
    apt_install(&["postgresql"])?;
    find_binaries().ok_or_else(|| "PostgreSQL installé mais initdb introuvable sous /usr/lib/postgresql".to_owned())
}

impl Cluster {
    /// Where the cluster lives: `.local/postgres` in the checkout, unless the `postgres` user (which runs it
    /// when we are root, since initdb refuses root) cannot reach the checkout; then a folder of its own.
    fn folder(root: &Path) -> PathBuf {
        let local = root.join(".local").join("postgres");
        if !is_root() {
            return local;
        }
        let reachable = output(command("runuser", &["-u", "postgres", "--", "test", "-x"]).arg(root)).is_some();
        if reachable {
            local
        } else {
            let tag: u64 = root
                .to_string_lossy()
                .bytes()
                .fold(0xcbf29ce484222325, |hash, byte| (hash ^ u64::from(byte)).wrapping_mul(0x100000001b3));
            PathBuf::from(format!("/var/tmp/immo9-postgres-{tag:016x}"))
        }
    }

    /// A command run as the cluster's owner: ourselves, or `postgres` when we are root.
    fn as_owner(&self, program: &str) -> Command {
        let program = self.bin.join(program);
        if is_root() {
            let mut command = Command::new("runuser");
            command.args(["-u", "postgres", "--"]).arg(program);
            command
        } else {
            Command::new(program)
        }
    }

    fn data(&self) -> PathBuf {
        self.dir.join("data")
    }

    fn port_file(&self) -> PathBuf {
        self.dir.join("port")
    }

    fn is_running(&self) -> bool {
        self.data().join("PG_VERSION").exists()
            && self
                .as_owner("pg_ctl")
                .arg("status")
                .arg("-D")
                .arg(self.data())
                .stdout(std::process::Stdio::null())
                .status()
                .is_ok_and(|s| s.success())
    }

    /// Creates the cluster if needed and starts it if stopped. Idempotent.
    pub fn start(root: &Path) -> Result<Cluster> {
        let bin = ensure_binaries()?;
        let dir = Self::folder(root);
        std::fs::create_dir_all(&dir).map_err(|error| format!("{} : {error}", dir.display()))?;
        if is_root() {
            run(command("chown", &["-R", "postgres:postgres"]).arg(&dir))?;
        }
        let mut cluster = Cluster { bin, dir, port: 0, started_here: false };
        if !cluster.data().join("PG_VERSION").exists() {
            run(cluster
                .as_owner("initdb")
                .args(["-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync", "-D"])
                .arg(cluster.data()))?;
        }
        let stored_port =
            std::fs::read_to_string(cluster.port_file()).ok().and_then(|text| text.trim().parse::<u16>().ok());
        if cluster.is_running() {
            cluster.port =
                stored_port.ok_or("cluster démarré mais son port est inconnu : `cargo xtask db stop` puis relancez")?;
            return Ok(cluster);
        }
        cluster.port = match stored_port {
            Some(port) if port_is_free(port) => port,
            _ => free_port()?,
        };
        std::fs::write(cluster.port_file(), cluster.port.to_string()).map_err(|error| error.to_string())?;
        let options = format!("-c listen_addresses=127.0.0.1 -p {} -k {}", cluster.port, cluster.dir.display());
        let log = cluster.dir.join("postgres.log");
        // Its own process group: a Ctrl-C in the terminal stops the app server, not the database under it.
        run(cluster
            .as_owner("pg_ctl")
            .arg("-D")
            .arg(cluster.data())
            .arg("-l")
            .arg(&log)
            .args(["-o", &options, "-w", "-t", "60", "start"])
            .stdout(std::process::Stdio::null())
            .process_group(0))
        .map_err(|error| format!("{error} ; journal : {}", log.display()))?;
        cluster.started_here = true;
        Ok(cluster)
    }

    /// Stops the cluster if it exists and runs.
    pub fn stop(root: &Path) -> Result {
        let Some(bin) = find_binaries() else { return Ok(()) };
        let cluster = Cluster { bin, dir: Self::folder(root), port: 0, started_here: false };
        if cluster.is_running() {
            run(cluster.as_owner("pg_ctl").arg("-D").arg(cluster.data()).args(["-m", "fast", "-w", "stop"]))?;
        }
        Ok(())
    }

    pub fn url(&self, database: &str) -> String {
        format!("postgres://postgres@127.0.0.1:{}/{database}", self.port)
    }

    /// A client with the rights to create and drop databases on this cluster.
    pub fn admin(&self) -> AdminDb {
        AdminDb { psql: self.bin.join("psql"), url: self.url("postgres") }
    }
}

/// Creates and drops databases through `psql`, on the local cluster or on a server given by URL.
pub struct AdminDb {
    psql: PathBuf,
    pub url: String,
}

impl AdminDb {
    /// For a server named by URL: `psql` from PATH, else from the newest local PostgreSQL install.
    pub fn at(url: &str) -> Result<AdminDb> {
        let psql =
            if crate::cmd::exists_on_path("psql") { PathBuf::from("psql") } else { ensure_binaries()?.join("psql") };
        Ok(AdminDb { psql, url: url.to_owned() })
    }

    /// The URL of another database on the same server.
    pub fn url_of(&self, database: &str) -> String {
        let (server, query) = match self.url.split_once('?') {
            Some((server, query)) => (server, format!("?{query}")),
            None => (self.url.as_str(), String::new()),
        };
        let base = server.rsplit_once('/').map_or(server, |(base, _)| base);
        format!("{base}/{database}{query}")
    }

    fn psql(&self, sql: &str) -> Command {
        let mut command = Command::new(&self.psql);
        command.args(["-X", "-q", "-v", "ON_ERROR_STOP=1", "-tA", "-d", &self.url, "-c", sql]);
        command
    }

    pub fn database_exists(&self, name: &str) -> bool {
        output(&mut self.psql(&format!("SELECT 1 FROM pg_database WHERE datname = '{name}'"))).as_deref() == Some("1")
    }

    pub fn create_database(&self, name: &str) -> Result {
        if self.database_exists(name) {
            return Ok(());
        }
        run(&mut self.psql(&format!("CREATE DATABASE \"{name}\"")))
    }

    pub fn recreate_database(&self, name: &str) -> Result {
        run(&mut self.psql(&format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)")))?;
        run(&mut self.psql(&format!("CREATE DATABASE \"{name}\"")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sibling_database_urls_keep_the_server_and_options() {
        let admin = |url: &str| AdminDb { psql: PathBuf::from("psql"), url: url.to_owned() };
        let cases = [
            ("postgres://postgres@127.0.0.1:5432/postgres", "postgres://postgres@127.0.0.1:5432/immo9_e2e"),
            ("postgres://u:p@db/admin?sslmode=require", "postgres://u:p@db/immo9_e2e?sslmode=require"),
        ];
        for (url, expected) in cases {
            assert_eq!(admin(url).url_of("immo9_e2e"), expected);
        }
    }
}
