//! A project-local OpenLDAP server, the company directory of the integration and browser tests: Debian's
//! `slapd` run on an old-style `slapd.conf` of its own, its database in the git-ignored `.local/slapd`,
//! listening on 127.0.0.1 on a free port, and left running between commands (`cargo xtask ldap stop`
//! stops it). It holds the base entries written below and the people and groups of `xtask/ldap/immo9.ldif`.

use crate::cmd::{Result, apt_install, command, free_port, output, port_is_free, run, spawn};
use std::os::unix::ffi::OsStrExt;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

/// The naming context: every entry of the directory lives under it.
pub const BASE: &str = "dc=immo9,dc=test";
/// The directory's superuser (`rootdn`): it has no entry and no ACL applies to it. Integration tests write
/// their own subtrees with it.
pub const ADMIN_DN: &str = "cn=admin,dc=immo9,dc=test";
pub const ADMIN_PASSWORD: &str = "immo9-ldap-admin";
/// The account the product binds with, as it would at a customer's: it reads everything but passwords.
pub const SERVICE_DN: &str = "cn=immo9-service,ou=services,dc=immo9,dc=test";
pub const SERVICE_PASSWORD: &str = "immo9-service-secret";

/// The demo people and groups, relative to the checkout; loaded as they are so `slapadd` reports errors
/// with this file's own line numbers.
const PEOPLE_LDIF: &str = "xtask/ldap/immo9.ldif";

// Absolute paths: /usr/sbin is not on a regular user's PATH on Debian.
const SLAPD: &str = "/usr/sbin/slapd";
const SLAPADD: &str = "/usr/sbin/slapadd";
const SLAPPASSWD: &str = "/usr/sbin/slappasswd";
const LDAPWHOAMI: &str = "/usr/bin/ldapwhoami";
/// What `slapd` and `ldap-utils` bring that this module uses, directly or through the configuration.
const INSTALLED: [&str; 7] =
    [SLAPD, SLAPADD, SLAPPASSWD, LDAPWHOAMI, "/usr/bin/ldapadd", "/usr/bin/ldapsearch", "/usr/lib/ldap/back_mdb.so"];
const SCHEMAS: [&str; 4] = ["core", "cosine", "inetorgperson", "nis"];

fn missing_binaries() -> Vec<&'static str> {
    INSTALLED.into_iter().filter(|path| !Path::new(path).exists()).collect()
}

/// Installs Debian's OpenLDAP server and clients when missing. Their postinst sets up a system server of
/// its own (`/etc/ldap/slapd.d`, port 389) and starts it where it can: ours reads only its own
/// `slapd.conf` and listens elsewhere, so that one is left as it is, running or not.
pub fn ensure_binaries() -> Result {
    if missing_binaries().is_empty() {
        return Ok(());
    }
    apt_install(&["slapd", "ldap-utils"])?;
    match missing_binaries().as_slice() {
        [] => Ok(()),
        missing => Err(format!("slapd et ldap-utils installés mais introuvables : {}", missing.join(", "))),
    }
}

/// The files of the local directory, all in one folder so that deleting it starts over.
struct Folder(PathBuf);

impl Folder {
    fn of(root: &Path) -> Folder {
        Folder(root.join(".local").join("slapd"))
    }

    fn config(&self) -> PathBuf {
        self.0.join("slapd.conf")
    }

    fn data(&self) -> PathBuf {
        self.0.join("data")
    }

    /// Written once the whole content is in: a database without it is a load that failed halfway.
    fn loaded(&self) -> PathBuf {
        self.data().join("immo9-loaded")
    }

    fn base_ldif(&self) -> PathBuf {
        self.0.join("base.ldif")
    }

    fn pid_file(&self) -> PathBuf {
        self.0.join("slapd.pid")
    }

    fn port_file(&self) -> PathBuf {
        self.0.join("port")
    }

    fn log(&self) -> PathBuf {
        self.0.join("slapd.log")
    }

    /// The pid of our server while it runs. The pid file alone could name a process that took the pid
    /// since (after a reboot) or a zombie nobody reaped yet: the command line must be ours, and a zombie
    /// has none.
    fn running_pid(&self) -> Option<u32> {
        let pid: u32 = std::fs::read_to_string(self.pid_file()).ok()?.trim().parse().ok()?;
        let cmdline = std::fs::read(format!("/proc/{pid}/cmdline")).ok()?;
        let config = self.config();
        cmdline.split(|&byte| byte == 0).any(|arg| arg == config.as_os_str().as_bytes()).then_some(pid)
    }
}

fn io_error(path: &Path) -> impl FnOnce(std::io::Error) -> String + '_ {
    move |error| format!("{} : {error}", path.display())
}

/// The server's configuration: the four schemas of an address book, one MDB database with the suffix, its
/// superuser and the indexes of the product's searches, and ACLs that let only authenticated binds read.
fn config(folder: &Path) -> String {
    let includes: String = SCHEMAS.iter().map(|schema| format!("include /etc/ldap/schema/{schema}.schema\n")).collect();
    let path = |name: &str| folder.join(name).display().to_string();
    format!(
        "# Written by cargo xtask (xtask/src/slapd.rs) at every start of the directory: change it there.
{includes}
pidfile \"{pid}\"
argsfile \"{args}\"
modulepath /usr/lib/ldap
moduleload back_mdb

database mdb
# MDB maps the whole file (sparse); its default of 10 MiB could run out under many integration tests.
maxsize 67108864
suffix \"{BASE}\"
rootdn \"{ADMIN_DN}\"
rootpw {ADMIN_PASSWORD}
directory \"{data}\"
index objectClass,uid,mail,member eq
# A person may change their own password and nobody else may read one: binding is how it is checked.
access to attrs=userPassword
    by self write
    by anonymous auth
    by * none
# Only authenticated binds (the service account, a person) read the directory, as at a customer's.
access to *
    by users read
    by * none
",
        pid = path("slapd.pid"),
        args = path("slapd.args"),
        data = path("data"),
    )
}

/// The entries above the people of the LDIF file: the organisation, its three branches and the service
/// account, whose password is stored hashed like a real one.
fn base_ldif(service_password_hash: &str) -> String {
    format!(
        "dn: {BASE}
objectClass: dcObject
objectClass: organization
dc: immo9
o: Immo9

dn: ou=people,{BASE}
objectClass: organizationalUnit
ou: people
description: Les collaborateurs

dn: ou=groups,{BASE}
objectClass: organizationalUnit
ou: groups
description: Les groupes, dont ceux du service desk

dn: ou=services,{BASE}
objectClass: organizationalUnit
ou: services
description: Les comptes des applications

dn: {SERVICE_DN}
objectClass: applicationProcess
objectClass: simpleSecurityObject
cn: immo9-service
description: Le compte avec lequel Immo9 lit l'annuaire
userPassword: {service_password_hash}
"
    )
}

fn listen_url(port: u16) -> String {
    format!("ldap://127.0.0.1:{port}/")
}

fn admin_can_bind(url: &str) -> bool {
    let args = ["-x", "-o", "nettimeout=2", "-H", url, "-D", ADMIN_DN, "-w", ADMIN_PASSWORD];
    output(&mut command(LDAPWHOAMI, &args)).is_some()
}

/// The last lines of the server's log, where it says why it stopped.
fn log_tail(log: &Path) -> String {
    let text = std::fs::read_to_string(log).unwrap_or_default();
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(5)..].join("\n")
}

pub struct Directory {
    pub port: u16,
    /// False when it was already running before this command.
    pub started_here: bool,
}

impl Directory {
    /// Creates and loads the directory if needed and starts it if stopped. Idempotent.
    pub fn start(root: &Path) -> Result<Directory> {
        ensure_binaries()?;
        let folder = Folder::of(root);
        std::fs::create_dir_all(&folder.0).map_err(io_error(&folder.0))?;
        let stored_port =
            std::fs::read_to_string(folder.port_file()).ok().and_then(|text| text.trim().parse::<u16>().ok());
        if folder.running_pid().is_some() {
            let port = stored_port
                .ok_or("annuaire démarré mais son port est inconnu : `cargo xtask ldap stop` puis relancez")?;
            return Ok(Directory { port, started_here: false });
        }
        // Rewritten at every start, so that a change of this module applies from the next one on.
        std::fs::write(folder.config(), config(&folder.0)).map_err(io_error(&folder.config()))?;
        if !folder.loaded().exists() {
            load(root, &folder)?;
        }
        let port = match stored_port {
            Some(port) if port_is_free(port) => port,
            _ => free_port()?,
        };
        std::fs::write(folder.port_file(), port.to_string()).map_err(io_error(&folder.port_file()))?;
        let log = folder.log();
        let log_file = std::fs::File::create(&log).map_err(io_error(&log))?;
        let log_copy = log_file.try_clone().map_err(io_error(&log))?;
        // In the foreground (`-d stats`: every operation is logged), so that its errors land in its log: a
        // detached slapd tells only syslog, which a container lacks. In a process group of its own, so that
        // a Ctrl-C in the terminal stops the command, not the directory under it. As root it stays root
        // (no `-u`): it touches only its folder, which the `openldap` user might not be able to reach.
        let mut slapd = spawn(
            command(SLAPD, &["-f"])
                .arg(folder.config())
                .args(["-h", &listen_url(port), "-d", "stats"])
                .stdin(Stdio::null())
                .stdout(log_copy)
                .stderr(log_file)
                .process_group(0),
        )?;
        let directory = Directory { port, started_here: true };
        wait_until_ready(&mut slapd, &directory.url(), &log)?;
        Ok(directory)
    }

    /// Starts on the content of the files whatever the database holds: stops the directory if it runs
    /// and loads it again, so that what an earlier run wrote (a browser test's changes, the subtree of
    /// an interrupted integration test) never leaks into this one.
    pub fn start_afresh(root: &Path) -> Result<Directory> {
        let folder = Folder::of(root);
        let was_running = folder.running_pid().is_some();
        Self::stop(root)?;
        let data = folder.data();
        if data.exists() {
            std::fs::remove_dir_all(&data).map_err(io_error(&data))?;
        }
        let mut directory = Self::start(root)?;
        directory.started_here = !was_running;
        Ok(directory)
    }

    /// Stops the directory if it runs, through its pid file.
    pub fn stop(root: &Path) -> Result {
        let folder = Folder::of(root);
        let Some(pid) = folder.running_pid() else { return Ok(()) };
        let pid_text = pid.to_string();
        // TERM lets it close its database; MDB would survive a KILL too, hence the fallback.
        run(&mut command("kill", &["-TERM", &pid_text]))?;
        let mut deadline = Instant::now() + Duration::from_secs(10);
        let mut killed = false;
        while folder.running_pid() == Some(pid) {
            if Instant::now() >= deadline {
                if killed {
                    return Err(format!("slapd (pid {pid}) ne s'arrête pas"));
                }
                run(&mut command("kill", &["-KILL", &pid_text]))?;
                killed = true;
                deadline = Instant::now() + Duration::from_secs(5);
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        Ok(())
    }

    pub fn url(&self) -> String {
        format!("ldap://127.0.0.1:{}", self.port)
    }
}

/// Loads the content into a new database before the server's first start: `slapadd` writes the database
/// files directly, with no server to wait for.
fn load(root: &Path, folder: &Folder) -> Result {
    let data = folder.data();
    if data.exists() {
        std::fs::remove_dir_all(&data).map_err(io_error(&data))?;
    }
    std::fs::create_dir_all(&data).map_err(io_error(&data))?;
    let hash = output(&mut command(SLAPPASSWD, &["-s", SERVICE_PASSWORD])).ok_or("slappasswd a échoué")?;
    std::fs::write(folder.base_ldif(), base_ldif(&hash)).map_err(io_error(&folder.base_ldif()))?;
    for ldif in [folder.base_ldif(), root.join(PEOPLE_LDIF)] {
        // -q skips checks that only matter when adding to a database in use.
        run(command(SLAPADD, &["-q", "-f"]).arg(folder.config()).arg("-l").arg(ldif))?;
    }
    std::fs::write(folder.loaded(), "").map_err(io_error(&folder.loaded()))
}

fn wait_until_ready(slapd: &mut Child, url: &str, log: &Path) -> Result {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        if let Ok(Some(status)) = slapd.try_wait() {
            return Err(format!(
                "slapd s'est arrêté au démarrage ({status}) :\n{}\njournal : {} ; `cargo xtask ldap reset` recrée l'annuaire",
                log_tail(log),
                log.display()
            ));
        }
        if admin_can_bind(url) {
            return Ok(());
        }
        if Instant::now() >= deadline {
            let _ = slapd.kill();
            let _ = slapd.wait();
            return Err(format!("l'annuaire ne répond pas après 20 s ; journal : {}", log.display()));
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// How the tests reach a directory holding this content: the local one, or a server of one's own named by
/// `IMMO9_TEST_LDAP_URL`, loaded with the same entries (that one is not reloaded between runs).
pub struct Access {
    url: String,
    admin_dn: String,
    admin_password: String,
    base: String,
    bind_dn: String,
    bind_password: String,
}

impl Access {
    pub fn local(directory: &Directory) -> Access {
        Access {
            url: directory.url(),
            admin_dn: ADMIN_DN.to_owned(),
            admin_password: ADMIN_PASSWORD.to_owned(),
            base: BASE.to_owned(),
            bind_dn: SERVICE_DN.to_owned(),
            bind_password: SERVICE_PASSWORD.to_owned(),
        }
    }

    /// A server of one's own: each other variable keeps the value it is given, else the local server's.
    pub fn from_env(url: String) -> Access {
        let var = |name: &str, default: &str| std::env::var(name).unwrap_or_else(|_| default.to_owned());
        Access {
            url,
            admin_dn: var("IMMO9_TEST_LDAP_ADMIN_DN", ADMIN_DN),
            admin_password: var("IMMO9_TEST_LDAP_ADMIN_PASSWORD", ADMIN_PASSWORD),
            base: var("IMMO9_TEST_LDAP_BASE", BASE),
            bind_dn: var("IMMO9_E2E_LDAP_BIND_DN", SERVICE_DN),
            bind_password: var("IMMO9_E2E_LDAP_BIND_PASSWORD", SERVICE_PASSWORD),
        }
    }

    /// For the integration tests, which write subtrees of their own as the superuser.
    pub fn integration_env(&self) -> [(&'static str, &str); 4] {
        [
            ("IMMO9_TEST_LDAP_URL", &self.url),
            ("IMMO9_TEST_LDAP_ADMIN_DN", &self.admin_dn),
            ("IMMO9_TEST_LDAP_ADMIN_PASSWORD", &self.admin_password),
            ("IMMO9_TEST_LDAP_BASE", &self.base),
        ]
    }

    /// For Playwright, which sets the product up the way an administrator would: with the service account.
    pub fn browser_env(&self) -> [(&'static str, &str); 4] {
        [
            ("IMMO9_E2E_LDAP_URL", &self.url),
            ("IMMO9_E2E_LDAP_BIND_DN", &self.bind_dn),
            ("IMMO9_E2E_LDAP_BIND_PASSWORD", &self.bind_password),
            ("IMMO9_E2E_LDAP_BASE", &self.base),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{BTreeMap, BTreeSet};

    const PEOPLE: &str = include_str!("../ldap/immo9.ldif");

    struct Entry {
        dn: String,
        attributes: Vec<(String, String)>,
    }

    impl Entry {
        fn values(&self, name: &str) -> Vec<&str> {
            self.attributes
                .iter()
                .filter(|(attribute, _)| attribute.eq_ignore_ascii_case(name))
                .map(|(_, value)| value.as_str())
                .collect()
        }

        fn value(&self, name: &str) -> Option<&str> {
            self.values(name).first().copied()
        }
    }

    /// Enough of LDIF for these checks: comments, folded lines, `name: value`. Base64 (`::`) and URL
    /// (`:<`) values are refused: the file keeps its values readable.
    fn parse_ldif(text: &str) -> Vec<Entry> {
        let mut unfolded: Vec<(usize, String)> = Vec::new();
        for (index, line) in text.lines().enumerate() {
            match (line.strip_prefix(' '), unfolded.last_mut()) {
                (Some(rest), Some((_, last))) if !last.is_empty() => last.push_str(rest),
                _ => unfolded.push((index + 1, line.to_owned())),
            }
        }
        let mut entries = Vec::new();
        let mut current: Option<Entry> = None;
        for (number, line) in unfolded {
            if line.starts_with('#') {
                continue;
            }
            if line.trim().is_empty() {
                entries.extend(current.take());
                continue;
            }
            let (name, value) = line.split_once(':').unwrap_or_else(|| panic!("line {number}: no colon"));
            assert!(!value.starts_with(':') && !value.starts_with('<'), "line {number}: not a plain value");
            let value = value.trim().to_owned();
            match current.as_mut() {
                None => {
                    assert_eq!(name, "dn", "line {number}: an entry starts with its dn");
                    current = Some(Entry { dn: value, attributes: Vec::new() });
                }
                Some(entry) => entry.attributes.push((name.to_owned(), value)),
            }
        }
        entries.extend(current);
        entries
    }

    /// DNs compare whatever the case and the spaces around separators, as directories compare them.
    fn normalize(dn: &str) -> String {
        dn.split(',')
            .map(|rdn| {
                let (name, value) = rdn.split_once('=').expect("an RDN has a name and a value");
                format!("{}={}", name.trim().to_lowercase(), value.trim().to_lowercase())
            })
            .collect::<Vec<_>>()
            .join(",")
    }

    fn people_and_groups() -> (Vec<Entry>, Vec<Entry>) {
        parse_ldif(PEOPLE).into_iter().partition(|entry| entry.values("objectClass").contains(&"inetOrgPerson"))
    }

    #[test]
    fn the_config_names_the_suffix_the_superuser_and_its_folder() {
        let text = config(Path::new("/srv/immo9/.local/slapd"));
        for schema in ["core", "cosine", "inetorgperson", "nis"] {
            assert!(text.contains(&format!("include /etc/ldap/schema/{schema}.schema\n")), "{schema}");
        }
        for line in [
            "modulepath /usr/lib/ldap",
            "moduleload back_mdb",
            "database mdb",
            "suffix \"dc=immo9,dc=test\"",
            "rootdn \"cn=admin,dc=immo9,dc=test\"",
            "rootpw immo9-ldap-admin",
            "directory \"/srv/immo9/.local/slapd/data\"",
            "pidfile \"/srv/immo9/.local/slapd/slapd.pid\"",
            "index objectClass,uid,mail,member eq",
        ] {
            assert!(text.lines().any(|candidate| candidate == line), "{line}");
        }
    }

    #[test]
    fn only_authenticated_binds_read_and_nobody_reads_a_password() {
        let text = config(Path::new("/srv/immo9/.local/slapd"));
        // slapd applies the first ACL whose `to` matches: the password rule must come before the general one.
        let passwords = "access to attrs=userPassword\n    by self write\n    by anonymous auth\n    by * none\n";
        let everything = "access to *\n    by users read\n    by * none\n";
        let passwords_at = text.find(passwords).expect("the password ACL");
        let everything_at = text.find(everything).expect("the read ACL");
        assert!(passwords_at < everything_at);
        assert_eq!(text.matches("access to").count(), 2, "no other ACL");
    }

    #[test]
    fn it_listens_on_the_loopback_only_on_its_own_port() {
        assert_eq!(listen_url(38999), "ldap://127.0.0.1:38999/");
        assert_eq!(Directory { port: 38999, started_here: true }.url(), "ldap://127.0.0.1:38999");
    }

    #[test]
    fn the_base_entries_hold_the_branches_and_the_service_account() {
        let entries = parse_ldif(&base_ldif("{SSHA}hash"));
        let dns: Vec<String> = entries.iter().map(|entry| normalize(&entry.dn)).collect();
        let expected =
            [BASE, "ou=people,dc=immo9,dc=test", "ou=groups,dc=immo9,dc=test", "ou=services,dc=immo9,dc=test"];
        assert_eq!(dns[..4], expected.map(normalize));
        let service = entries.iter().find(|entry| normalize(&entry.dn) == normalize(SERVICE_DN)).expect("the service");
        let classes: BTreeSet<&str> = service.values("objectClass").into_iter().collect();
        assert_eq!(classes, BTreeSet::from(["applicationProcess", "simpleSecurityObject"]));
        assert_eq!(service.value("userPassword"), Some("{SSHA}hash"));
    }

    #[test]
    fn every_reference_of_the_ldif_file_names_one_of_its_people() {
        let (people, groups) = people_and_groups();
        assert!((10..=15).contains(&people.len()), "about a dozen people");
        let base_dns: BTreeSet<String> = parse_ldif(&base_ldif("x")).iter().map(|entry| normalize(&entry.dn)).collect();
        let person_dns: BTreeSet<String> = people.iter().map(|person| normalize(&person.dn)).collect();
        assert_eq!(person_dns.len(), people.len(), "unique DNs");
        for entry in people.iter().chain(&groups) {
            let parent = normalize(&entry.dn).split_once(',').expect("a parent").1.to_owned();
            assert!(base_dns.contains(&parent), "{} hangs under a base entry", entry.dn);
        }
        for person in &people {
            for manager in person.values("manager") {
                assert!(person_dns.contains(&normalize(manager)), "{}: manager {manager}", person.dn);
                assert_ne!(normalize(manager), normalize(&person.dn), "{} manages themself", person.dn);
            }
        }
        let managed = people.iter().filter(|person| person.value("manager").is_some()).count();
        assert!(managed * 4 >= people.len() * 3, "most people have a manager");
        for group in &groups {
            assert!(group.values("objectClass").contains(&"groupOfNames"), "{}", group.dn);
            let members = group.values("member");
            assert!(!members.is_empty(), "{}: groupOfNames needs a member", group.dn);
            for member in members {
                assert!(person_dns.contains(&normalize(member)), "{}: member {member}", group.dn);
            }
        }
    }

    #[test]
    fn the_people_and_groups_are_those_the_tests_expect() {
        let (people, groups) = people_and_groups();
        let mut uids = BTreeSet::new();
        for person in &people {
            let uid = person.value("uid").expect("a uid");
            assert_eq!(normalize(&person.dn), normalize(&format!("uid={uid},ou=people,{BASE}")));
            assert!(uids.insert(uid), "{uid} twice");
            assert_eq!(person.value("mail"), Some(format!("{uid}@immo9.fr").as_str()));
            for attribute in ["cn", "sn", "givenName", "displayName", "telephoneNumber", "title", "l"] {
                assert!(person.value(attribute).is_some(), "{uid}: {attribute}");
            }
            assert!(person.value("userPassword").is_some_and(|hash| hash.starts_with("{SSHA}")), "{uid}");
        }
        let inactive: Vec<&str> =
            people.iter().filter(|person| person.value("employeeType") == Some("inactif")).map(|p| &p.dn[..]).collect();
        assert_eq!(inactive.len(), 1, "one disabled account: {inactive:?}");
        let sizes: BTreeMap<&str, usize> =
            groups.iter().map(|group| (group.value("cn").unwrap(), group.values("member").len())).collect();
        let expected = BTreeMap::from([
            ("sd-back", 1),
            ("sd-experts", 1),
            ("sd-front", 2),
            ("sd-qualite", 1),
            ("tous-immo9", people.len()),
        ]);
        assert_eq!(sizes, expected);
    }

    /// The strings quoted after `key` in Rust source, where `key` is a whole field name.
    fn quoted_after(source: &str, key: &str) -> Vec<String> {
        source
            .match_indices(key)
            .filter(|(at, _)| !source[..*at].ends_with(|c: char| c.is_alphanumeric() || c == '_'))
            .filter_map(|(at, _)| source[at + key.len()..].split_once('"').map(|(value, _)| value.to_owned()))
            .collect()
    }

    #[test]
    fn the_people_are_not_demo_accounts_and_all_but_one_work_on_a_demo_site() {
        let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("../server/src/demo/mod.rs");
        let seed = std::fs::read_to_string(&seed).unwrap_or_else(|error| panic!("{}: {error}", seed.display()));
        let sites = quoted_after(&seed, "name: \"");
        let logins = quoted_after(&seed, "login: \"");
        let names = quoted_after(&seed, "display_name: \"");
        assert!(sites.contains(&"Siège Bordeaux".to_owned()) && logins.len() > 10, "the demo seed moved?");
        let (people, _) = people_and_groups();
        for person in &people {
            let mail = person.value("mail").unwrap();
            let uid = person.value("uid").unwrap();
            assert!(!logins.iter().any(|login| login.eq_ignore_ascii_case(mail)), "{mail} is a demo login");
            assert!(!logins.iter().any(|login| login.split('@').next() == Some(uid)), "{uid} is a demo login");
            let name = person.value("displayName").unwrap();
            assert!(!names.iter().any(|demo| demo == name), "{name} is a demo person");
        }
        let unknown: Vec<&str> = people
            .iter()
            .filter_map(|person| person.value("l"))
            .filter(|site| !sites.iter().any(|s| s == site))
            .collect();
        assert_eq!(unknown.len(), 1, "one person on a site Immo9 does not have: {unknown:?}");
    }

    #[test]
    fn the_tests_get_the_variables_they_read() {
        let access = Access::local(&Directory { port: 38999, started_here: true });
        let integration = access.integration_env().map(|(name, value)| format!("{name}={value}"));
        assert_eq!(
            integration,
            [
                "IMMO9_TEST_LDAP_URL=ldap://127.0.0.1:38999",
                "IMMO9_TEST_LDAP_ADMIN_DN=cn=admin,dc=immo9,dc=test",
                "IMMO9_TEST_LDAP_ADMIN_PASSWORD=immo9-ldap-admin",
                "IMMO9_TEST_LDAP_BASE=dc=immo9,dc=test",
            ]
        );
        let browser = access.browser_env().map(|(name, value)| format!("{name}={value}"));
        assert_eq!(
            browser,
            [
                "IMMO9_E2E_LDAP_URL=ldap://127.0.0.1:38999",
                "IMMO9_E2E_LDAP_BIND_DN=cn=immo9-service,ou=services,dc=immo9,dc=test",
                "IMMO9_E2E_LDAP_BIND_PASSWORD=immo9-service-secret",
                "IMMO9_E2E_LDAP_BASE=dc=immo9,dc=test",
            ]
        );
    }
}
