//! End to end: the real binary in a pseudo-terminal at 100x30. Keys go in, the screen comes
//! out through a VT100 parser, and the terminal is restored at exit.

use std::io::{Read, Write};
use std::process::Command;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

struct Session {
    master: Box<dyn portable_pty::MasterPty + Send>,
    parser: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
    /// The state directory of this session's reader, removed with it.
    _state: tempfile::TempDir,
}

impl Session {
    fn start(args: &[&str], cols: u16, rows: u16) -> Session {
        Session::start_program(env!("CARGO_BIN_EXE_qunxiang"), args, cols, rows)
    }

    /// Runs `program` with `args` in a new pseudo-terminal of `cols`x`rows`.
    fn start_program(program: &str, args: &[&str], cols: u16, rows: u16) -> Session {
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        Session::spawn(cmd, cols, rows)
    }

    /// Runs `program` with `args` and the environment variables `envs` in a new
    /// pseudo-terminal of `cols`x`rows`.
    fn start_in(
        program: &str,
        args: &[&str],
        cols: u16,
        rows: u16,
        envs: &[(&str, &str)],
    ) -> Session {
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        for (k, v) in envs {
            cmd.env(k, v);
        }
        Session::spawn(cmd, cols, rows)
    }

    /// An interactive bash (no rc files, prompt `$ `) with job control, for Ctrl-z and `fg`.
    fn bash(cols: u16, rows: u16) -> Session {
        let mut cmd = CommandBuilder::new("bash");
        cmd.args(["--norc", "--noprofile", "-i"]);
        cmd.env("PS1", "$ ");
        Session::spawn(cmd, cols, rows)
    }

    /// Runs `cmd` in a new pseudo-terminal of `cols`x`rows`.
    fn spawn(mut cmd: CommandBuilder, cols: u16, rows: u16) -> Session {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        cmd.env("TERM", "xterm-256color");
        // A state directory of its own (no remembered place leaks between tests) and no
        // config file, unless the test gives them.
        let state = tempfile::tempdir().unwrap();
        if cmd.get_env("QUNXIANG_STATE_DIR").is_none() {
            cmd.env("QUNXIANG_STATE_DIR", state.path());
        }
        if cmd.get_env("QUNXIANG_CONFIG").is_none() {
            cmd.env("QUNXIANG_CONFIG", "/nonexistent/config.toml");
        }
        let child = pty.slave.spawn_command(cmd).unwrap();
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().unwrap();
        let writer = pty.master.take_writer().unwrap();
        let parser = Arc::new(Mutex::new(vt100::Parser::new(
            rows.try_into().unwrap(),
            cols.try_into().unwrap(),
            0,
        )));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let (p, r) = (Arc::clone(&parser), Arc::clone(&raw));
        let master = pty.master;
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                p.lock().unwrap().process(&buf[..n]);
                r.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        Session {
            master,
            parser,
            raw,
            writer,
            child,
            _state: state,
        }
    }

    fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// Waits until the screen holds `needle` (a deadline against hangs, not a timing test).
    fn wait_for(&self, needle: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let s = self.screen();
            if s.contains(needle) {
                return s;
            }
            assert!(
                Instant::now() < deadline,
                "screen never showed {needle:?}:\n{s}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn resize(&mut self, cols: u16, rows: u16) {
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        self.parser
            .lock()
            .unwrap()
            .screen_mut()
            .set_size(rows.try_into().unwrap(), cols.try_into().unwrap());
    }

    fn keys(&mut self, k: &str) {
        self.writer.write_all(k.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }
}

/// Waits until `needle` is off the screen (so the next key after an Esc is not read as
/// Alt with that key).
fn wait_until_gone(s: &Session, needle: &str) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while s.screen().contains(needle) {
        assert!(Instant::now() < deadline, "{needle} stayed on screen");
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn read_toggle_and_quit_in_a_real_terminal() {
    let mut s = Session::start(&[], 100, 30);
    let first = s.wait_for("1/3 陳柯");
    for name in ["陳柯", "呂俊傑", "拜銳"] {
        assert!(first.contains(name), "{first}");
    }
    s.keys("j");
    let second = s.wait_for("2/3 呂俊傑");
    assert!(second.contains("35歲"), "{second}");
    s.keys("t");
    let simplified = s.wait_for("2/3 吕俊杰");
    assert!(
        simplified.contains("简体") && !simplified.contains("呂俊傑"),
        "{simplified}"
    );
    assert!(simplified.contains("新疆兵团第十二师"));
    s.keys("t");
    let back = s.wait_for("2/3 呂俊傑");
    assert!(back.contains("新疆兵團第十二師"));
    // y copies the selected quote through the terminal (OSC 52).
    s.keys("\t\ty");
    s.wait_for("copied to the clipboard");
    s.keys("\t\t");
    s.keys("?");
    s.wait_for("S-Tab h");
    // Esc closes help, and so does q; Esc leaves the article view, never the program;
    // q quits.
    s.keys("\x1b");
    wait_until_gone(&s, "S-Tab h");
    s.keys("?");
    s.wait_for("S-Tab h");
    s.keys("q");
    wait_until_gone(&s, "S-Tab h");
    s.keys("a");
    s.wait_for("Article (a: back");
    s.keys("\x1b");
    wait_until_gone(&s, "Article (a: back");
    s.keys("\x1b");
    s.wait_for("q quits");
    s.keys("q");
    let status = s.child.wait().unwrap();
    assert!(status.success());
    // Let the reader thread take the last bytes.
    std::thread::sleep(Duration::from_millis(200));
    let parser = s.parser.lock().unwrap();
    assert!(
        !parser.screen().alternate_screen(),
        "the alternate screen was left"
    );
    let raw = s.raw.lock().unwrap();
    let raw = String::from_utf8_lossy(&raw);
    assert!(raw.contains("\x1b[?1049l"), "left the alternate screen");
    assert!(raw.contains("\x1b[?25h"), "cursor shown again");
    assert!(raw.contains("\x1b]52;c;"), "OSC 52 copy sent");
    assert!(raw.contains("\x1b[?1000l"), "mouse reporting switched off");
}

#[test]
fn a_tiny_terminal_shows_a_notice_and_quits_cleanly() {
    let mut s = Session::start(&[], 30, 8);
    s.wait_for("too small");
    s.keys("q");
    assert!(s.child.wait().unwrap().success());
}

/// The raw output after byte `from` (what the reader wrote after some moment).
fn raw_since(s: &Session, from: usize) -> String {
    String::from_utf8_lossy(&s.raw.lock().unwrap()[from..]).into_owned()
}

/// Asserts that the output from byte `from` on gives the terminal back: mouse reporting
/// off, the cursor shown, the main screen.
fn assert_restored(s: &Session, from: usize, case: &str) {
    let raw = raw_since(s, from);
    assert!(
        raw.contains("\x1b[?1000l"),
        "{case}: mouse reporting switched off"
    );
    assert!(raw.contains("\x1b[?25h"), "{case}: cursor shown");
    assert!(
        raw.contains("\x1b[?1049l"),
        "{case}: left the alternate screen"
    );
    let parser = s.parser.lock().unwrap();
    assert!(
        !parser.screen().alternate_screen(),
        "{case}: alternate screen"
    );
    assert!(!parser.screen().hide_cursor(), "{case}: cursor hidden");
    assert_eq!(
        parser.screen().mouse_protocol_mode(),
        vt100::MouseProtocolMode::None,
        "{case}: mouse reporting"
    );
}

/// Sends `sig` to `pid`.
fn kill(pid: u32, sig: i32) {
    // SAFETY: kill(2) with a valid signal on a pid of our own child (or its child).
    let rc = unsafe { libc_kill(pid as i32, sig) };
    assert_eq!(rc, 0, "kill {pid} {sig}");
}

/// Waits for the child's exit (a deadline against hangs, not a timing test).
fn wait_exit(s: &mut Session) -> portable_pty::ExitStatus {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        if let Some(status) = s.child.try_wait().unwrap() {
            // Let the reader thread take the last bytes.
            std::thread::sleep(Duration::from_millis(200));
            return status;
        }
        assert!(
            Instant::now() < deadline,
            "the reader did not exit:\n{}",
            s.screen()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn every_ending_signal_restores_the_terminal_and_exits_with_128_plus_it() {
    // SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1 and SIGUSR2.
    for (sig, status) in [
        (15, 143),
        (1, 129),
        (2, 130),
        (3, 131),
        (10, 138),
        (12, 140),
    ] {
        let mut s = Session::start(&[], 100, 30);
        s.wait_for("1/3 陳柯");
        let from = s.raw.lock().unwrap().len();
        kill(s.child.process_id().expect("the child has a pid"), sig);
        let exit = wait_exit(&mut s);
        assert_eq!(exit.exit_code(), status, "signal {sig}: {exit:?}");
        assert_restored(&s, from, &format!("signal {sig}"));
    }
}

/// The reader's pid as the only child of the shell `shell`.
fn child_of(shell: u32) -> u32 {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let out = Command::new("pgrep")
            .args(["-P", &shell.to_string()])
            .output()
            .unwrap();
        if let Some(pid) = String::from_utf8_lossy(&out.stdout)
            .split_whitespace()
            .next()
        {
            return pid.parse().unwrap();
        }
        assert!(Instant::now() < deadline, "no child of {shell}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn ctrl_z_and_sigtstp_give_the_terminal_back_and_fg_redraws() {
    let bin = env!("CARGO_BIN_EXE_qunxiang");
    for (case, stop) in [("Ctrl-z", None), ("SIGTSTP", Some(20))] {
        let mut s = Session::bash(100, 30);
        s.wait_for("$ ");
        s.keys(&format!("{bin}\r"));
        s.wait_for("1/3 陳柯");
        let reader = child_of(s.child.process_id().unwrap());
        s.keys("j");
        s.wait_for("2/3 呂俊傑");
        let from = s.raw.lock().unwrap().len();
        match stop {
            None => s.keys("\x1a"),
            Some(sig) => kill(reader, sig),
        }
        // The shell reports the stopped job at its prompt, on the main screen.
        let shell = s.wait_for("Stopped");
        assert!(shell.contains("$ "), "{case}: {shell}");
        assert_restored(&s, from, case);
        let stat = std::fs::read_to_string(format!("/proc/{reader}/stat")).unwrap();
        assert!(
            stat.contains(") T "),
            "{case}: the reader is stopped: {stat}"
        );
        // fg: the reader takes the terminal back and redraws everything, where it was.
        let from = s.raw.lock().unwrap().len();
        s.keys("fg\r");
        let back = s.wait_for("2/3 呂俊傑");
        assert!(back.contains("35歲"), "{case}: {back}");
        assert!(raw_since(&s, from).contains("\x1b[?1049h"), "{case}");
        assert!(s.parser.lock().unwrap().screen().alternate_screen());
        let from = s.raw.lock().unwrap().len();
        s.keys("q");
        s.wait_for("$ ");
        assert_restored(&s, from, case);
        s.keys("exit\r");
        wait_exit(&mut s);
    }
}

#[test]
fn sigcont_after_sigstop_takes_the_terminal_back_and_redraws() {
    let mut s = Session::start(&[], 100, 30);
    s.wait_for("1/3 陳柯");
    let pid = s.child.process_id().unwrap();
    kill(pid, 19);
    // Something else draws on the terminal meanwhile.
    s.parser
        .lock()
        .unwrap()
        .process(b"\x1b[2J\x1b[?1049l\x1b[?25h");
    assert!(!s.screen().contains("1/3 陳柯"));
    let from = s.raw.lock().unwrap().len();
    kill(pid, 18);
    s.wait_for("1/3 陳柯");
    assert!(raw_since(&s, from).contains("\x1b[?1049h"));
    assert!(s.parser.lock().unwrap().screen().alternate_screen());
    s.keys("q");
    assert!(wait_exit(&mut s).success());
}

unsafe extern "C" {
    #[link_name = "kill"]
    fn libc_kill(pid: i32, sig: i32) -> i32;
}

/// The terminal window closes (here: its tmux server is killed) while the reader waits for
/// keys: the reader must not stay behind spinning (crossterm issue #793). Needs tmux, which
/// the project's machines have; skipped with a note where it is missing.
#[test]
fn the_reader_exits_when_its_terminal_goes_away() {
    let bin = env!("CARGO_BIN_EXE_qunxiang");
    exits_when_tmux_goes_away("direct", &[bin]);
    // Under `make run` the hangup signal goes to make, the session leader, which waits for
    // its child: the reader must notice the terminal itself. A shell that ignores SIGHUP
    // and waits stands in for make.
    exits_when_tmux_goes_away(
        "under a parent",
        &["sh", "-c", "trap '' HUP; \"$0\"; true", bin],
    );
}

/// Runs `command` in a tmux session, waits for the reader's first screen, kills the tmux
/// server and checks that the reader (the pane's process or its child) ends.
fn exits_when_tmux_goes_away(case: &str, command: &[&str]) {
    if Command::new("tmux").arg("-V").output().is_err() {
        eprintln!("tmux not installed: test skipped");
        return;
    }
    let socket = format!("qx-hup-{}-{}", std::process::id(), case.len());
    let tmux = |args: &[&str]| {
        Command::new("tmux")
            .arg("-L")
            .arg(&socket)
            .args(args)
            .output()
            .unwrap()
    };
    let mut args = vec!["new-session", "-d", "-s", "t", "-x", "100", "-y", "30"];
    args.extend_from_slice(command);
    tmux(&args);
    let pane_pid = || -> Option<String> {
        let out = tmux(&["list-panes", "-F", "#{pane_pid}"]);
        let pid = String::from_utf8_lossy(&out.stdout).trim().to_string();
        (!pid.is_empty()).then_some(pid)
    };
    let deadline = Instant::now() + Duration::from_secs(20);
    let pane = loop {
        let screen = tmux(&["capture-pane", "-p", "-t", "t"]);
        if String::from_utf8_lossy(&screen.stdout).contains("1/3") {
            break pane_pid().expect("the pane has a process");
        }
        assert!(
            Instant::now() < deadline,
            "{case}: the reader never drew its first screen"
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    // The reader is the pane's process, or its child under a parent.
    let children = Command::new("pgrep").args(["-P", &pane]).output().unwrap();
    let pid = String::from_utf8_lossy(&children.stdout)
        .split_whitespace()
        .next()
        .map_or(pane.clone(), str::to_string);
    tmux(&["kill-server"]);
    let alive = || {
        std::path::Path::new(&format!("/proc/{pid}")).exists()
            && !std::fs::read_to_string(format!("/proc/{pid}/stat"))
                .unwrap_or_default()
                .contains(") Z ")
    };
    let deadline = Instant::now() + Duration::from_secs(10);
    while alive() {
        if Instant::now() >= deadline {
            let _ = Command::new("kill").args(["-9", &pid]).output();
            panic!("{case}: the reader kept running without a terminal");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn search_jump_from_a_quote_and_resize_in_a_real_terminal() {
    let mut s = Session::start(&[], 120, 40);
    s.wait_for("1/3 陳柯");
    // A simplified query finds the traditional text; n goes to the next match.
    s.keys("/吕俊杰\r");
    s.wait_for("match 1/");
    s.wait_for("2/3 呂俊傑");
    s.keys("n");
    s.wait_for("match 2/");
    // Quotes pane of the third person, last quote, Enter: the text shows its paragraph.
    s.keys("\x1b");
    // Wait until Esc has cleared the search, so the next key is not read as Alt+key.
    let deadline = Instant::now() + Duration::from_secs(30);
    while s.screen().contains("match ") {
        assert!(Instant::now() < deadline, "Esc did not clear the search");
        std::thread::sleep(Duration::from_millis(20));
    }
    // Focus is on the text after the search: Tab goes to the people list, then on.
    s.keys("3");
    s.wait_for("3/3 拜銳");
    s.keys("\t\t\tG\r");
    s.wait_for("3/3 拜銳");
    let screen = s.wait_for("因為睡眠少");
    assert!(screen.contains("3/3 拜銳"), "{screen}");
    // Resize to 80x24, then to a tiny size, then back: each redraws cleanly.
    s.resize(80, 24);
    s.wait_for("Text │ Figures │ Quotes");
    s.resize(30, 8);
    s.wait_for("too small");
    s.resize(120, 40);
    let back = s.wait_for("3/3 拜銳");
    assert!(!back.contains("too small"), "{back}");
    s.keys("q");
    assert!(s.child.wait().unwrap().success());
}

#[test]
fn q_quits_at_once_while_the_people_are_still_being_found() {
    // 2 MB: seconds of analysis, which the reader does in the background.
    let c = qunxiang::Converters::new();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let text =
        qunxiang::testing::compilation(&dir, 2_000_000, qunxiang::Script::Original, &c).unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("compilation.txt");
    std::fs::write(&path, text).unwrap();
    let mut s = Session::start(&[path.to_str().unwrap()], 100, 30);
    // The text is on screen while the analysis runs.
    let first = s.wait_for("finding people…");
    assert!(first.contains("先进事迹汇编"), "{first}");
    s.keys("q");
    // The reader neither waits for the analysis nor leaves it running: it is gone long
    // before the analysis could have finished (a deadline against hangs).
    let deadline = Instant::now() + Duration::from_secs(5);
    let status = loop {
        if let Some(status) = s.child.try_wait().unwrap() {
            break status;
        }
        assert!(
            Instant::now() < deadline,
            "the reader did not quit while analysing:\n{}",
            s.screen()
        );
        std::thread::sleep(Duration::from_millis(20));
    };
    assert!(status.success());
    std::thread::sleep(Duration::from_millis(200));
    assert!(!s.parser.lock().unwrap().screen().alternate_screen());
}

/// An article piped in is read without `-`, and the keys still come from the terminal;
/// `-` with the terminal as standard input is a usage error, not a blank screen.
#[test]
fn standard_input_is_read_when_piped_and_refused_at_a_terminal() {
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/01_liuwan_community_cadres.txt"
    );
    let bin = env!("CARGO_BIN_EXE_qunxiang");
    let line = format!("cat '{fixture}' | '{bin}'");
    let mut s = Session::start_program("sh", &["-c", &line], 100, 30);
    s.wait_for("柳湾街道社区干部");
    s.keys("t");
    s.wait_for("柳灣街道社區幹部");
    s.keys("q");
    assert!(s.child.wait().unwrap().success());

    let mut s = Session::start(&["-"], 100, 30);
    let status = s.child.wait().unwrap();
    assert_eq!(status.exit_code(), 2);
    std::thread::sleep(Duration::from_millis(200));
    let screen = s.screen();
    assert!(
        screen.contains("standard input is a terminal") && screen.contains("Usage"),
        "{screen}"
    );
}

/// The reader reopens an article where it was left (person, script), in a state
/// directory of its own; --fresh starts at the beginning; a bad config file is named in
/// one line and the reader still opens.
#[test]
fn a_reopened_article_comes_back_where_it_was_left() {
    let state = tempfile::tempdir().unwrap();
    let dir = state.path().to_str().unwrap();
    let bin = env!("CARGO_BIN_EXE_qunxiang");
    let envs = [("QUNXIANG_STATE_DIR", dir)];
    let mut s = Session::start_in(bin, &[], 100, 30, &envs);
    s.wait_for("1/3 陳柯");
    s.keys("3");
    s.wait_for("3/3 拜銳");
    s.keys("t");
    s.wait_for("3/3 拜锐");
    s.keys("q");
    assert!(s.child.wait().unwrap().success());
    let mut s = Session::start_in(bin, &[], 100, 30, &envs);
    let screen = s.wait_for("3/3 拜锐");
    assert!(screen.contains("简体"), "{screen}");
    s.keys("q");
    assert!(s.child.wait().unwrap().success());
    let mut s = Session::start_in(bin, &["--fresh"], 100, 30, &envs);
    s.wait_for("1/3 陳柯");
    s.keys("q");
    assert!(s.child.wait().unwrap().success());
    // A bad config file: one line naming the line and key, on the first screen too.
    let config = state.path().join("config.toml");
    std::fs::write(&config, "theme = \"mono\"\nmax-width = 5\n").unwrap();
    let config = config.to_str().unwrap();
    let mut s = Session::start_in(
        bin,
        &["--fresh"],
        120,
        30,
        &[("QUNXIANG_STATE_DIR", dir), ("QUNXIANG_CONFIG", config)],
    );
    let screen = s.wait_for("1/3 陳柯");
    assert!(
        screen.contains("line 2 (max-width)"),
        "the status bar names the bad line:\n{screen}"
    );
    s.keys("q");
    assert!(s.child.wait().unwrap().success());
}
