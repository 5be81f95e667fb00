//! The `qunxiang` command: parse the command line, load the article, then run the reader,
//! print JSON, or print a headless snapshot of the screen.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use clap::Parser;
use qunxiang::convert::Traditional;
use qunxiang::tui::{self, App};
use qunxiang::{Converters, Input, Script};

/// A terminal reader for Chinese feature articles that profile several people (人物群像):
/// who each person is, their figures and quotes beside the full text, in traditional or
/// simplified script.
#[derive(Parser, Debug)]
#[command(version, about, long_about = None, after_help = "Keys in the reader: press ? for help.\nExit status: 0 ok, 1 bad input or runtime error, 2 bad usage, 128+N after signal N.")]
#[command(args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,

    /// Article to open: a text (UTF-8, UTF-16, GB18030, Big5), HTML or qunxiang JSON file,
    /// an http:// or https:// URL (the page is fetched), or - for standard input.
    /// Default: standard input when it is a pipe or a file with data in it
    /// (`cat a.txt | qunxiang`), else the bundled article.
    file: Option<PathBuf>,

    /// Print the extracted article as JSON and exit.
    #[arg(long)]
    json: bool,

    /// Decode the input with this encoding instead of detecting it (UTF-8, UTF-16LE,
    /// UTF-16BE, GB18030, GBK, Big5, … any WHATWG encoding label).
    #[arg(long, value_name = "NAME", value_parser = parse_encoding)]
    encoding: Option<&'static encoding_rs::Encoding>,

    /// Script of the first screen and of --json output [default: the config file's
    /// `script`, else original; for --json, original].
    #[arg(long, value_enum)]
    script: Option<Script>,

    /// The traditional form `t` converts simplified text to: standard (OpenCC's), taiwan or
    /// hongkong [default: the config file's `traditional`, else the form --script or the
    /// config file's `script` names, else standard].
    #[arg(long, value_enum, value_name = "FORM")]
    traditional: Option<Traditional>,

    /// Use OpenCC's Taiwan phrase conversion (s2twp, tw2sp: 软件 ↔ 軟體) for Taiwan forms.
    /// Off by default: its phrase layer is known to damage text (电视频段 → 電影片段).
    #[arg(long, global = true)]
    taiwan_phrases: bool,

    /// Colours: default (yellow figures, cyan quotes) or mono (bold, underline, italic only).
    /// The NO_COLOR environment variable chooses mono too [default: the config file's
    /// `theme`, else default].
    #[arg(long, value_enum)]
    theme: Option<ThemeName>,

    /// Open at the start of the article in the original script, not where it was left
    /// last time (nor in the config file's script).
    #[arg(long)]
    fresh: bool,

    /// Render the screen headlessly at COLSxROWS (e.g. 120x40; at most 1000x1000), print it
    /// as text and exit.
    #[arg(long, value_name = "COLSxROWS", value_parser = parse_size)]
    snapshot: Option<(u16, u16)>,

    /// With --snapshot: keys to press first, e.g. 'jjt' or '<Tab><PgDn>'. Each char is a
    /// key; named keys: <Tab> <S-Tab> <Up> <Down> <Left> <Right> <PgUp> <PgDn> <Home> <End>
    /// <Esc> <Enter> <Space>, and <C-x> for Ctrl with a letter.
    #[arg(long, requires = "snapshot", value_parser = parse_keys)]
    keys: Option<Keys>,

    /// With --snapshot: draw what the reader's first frame shows, before the people are
    /// found (the text, and "finding people… 0%" in the status bar), without waiting for
    /// the analysis.
    #[arg(long, requires = "snapshot")]
    no_wait: bool,
}

#[derive(clap::Subcommand, Debug)]
enum Command {
    /// Convert text between scripts with the reader's conversion (OpenCC with the reader's
    /// corrections) and print it, line for line, like the opencc command.
    Convert {
        /// Target script.
        #[arg(long, value_enum)]
        to: Target,
        /// Source script, instead of detecting it from the text.
        #[arg(long, value_enum)]
        from: Option<Target>,
        /// Decode the input with this encoding instead of detecting it.
        #[arg(long, value_name = "NAME", value_parser = parse_encoding)]
        encoding: Option<&'static encoding_rs::Encoding>,
        /// Text file to convert; standard input when absent or -.
        file: Option<PathBuf>,
    },
    /// Print a shell completion script (generated from these options by clap_complete),
    /// e.g. `qunxiang completions bash > /usr/share/bash-completion/completions/qunxiang`.
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page in roff (generated from these options by clap_mangen), e.g.
    /// `qunxiang man > /usr/local/share/man/man1/qunxiang.1`.
    Man,
}

/// A colour theme.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum ThemeName {
    Default,
    Mono,
}

/// A script text can be converted to or from.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum Target {
    Simplified,
    Traditional,
    Taiwan,
    #[value(name = "hongkong")]
    HongKong,
}

impl Target {
    fn script(self) -> Script {
        match self {
            Target::Simplified => Script::Simplified,
            Target::Traditional => Script::Traditional,
            Target::Taiwan => Script::Taiwan,
            Target::HongKong => Script::HongKong,
        }
    }
}

fn parse_encoding(s: &str) -> Result<&'static encoding_rs::Encoding, String> {
    encoding_rs::Encoding::for_label(s.trim().as_bytes())
        .ok_or_else(|| format!("unknown encoding {s:?}"))
}

/// Key presses for --snapshot (a newtype, so clap takes the whole list as one value).
#[derive(Debug, Clone)]
struct Keys(Vec<crossterm::event::KeyEvent>);

fn parse_keys(s: &str) -> Result<Keys, String> {
    tui::parse_keys(s).map(Keys)
}

/// The largest `--snapshot` side, in columns and in rows: wider than any real terminal, and
/// small enough that the frame buffers (about 40 bytes a cell, three buffers) stay near
/// 120 MB. 65535x65535 would ask for about 200 GB.
const MAX_SNAPSHOT_SIDE: u16 = 1000;

/// Parses `--snapshot`'s `COLSxROWS`: each side from 1 to [`MAX_SNAPSHOT_SIDE`].
fn parse_size(s: &str) -> Result<(u16, u16), String> {
    let (w, h) = s
        .split_once(['x', 'X'])
        .ok_or("expected COLSxROWS, e.g. 120x40")?;
    let w: u16 = w.parse().map_err(|_| format!("bad column count {w:?}"))?;
    let h: u16 = h.parse().map_err(|_| format!("bad row count {h:?}"))?;
    if w == 0 || h == 0 {
        return Err("a screen has at least 1 column and 1 row".into());
    }
    if w > MAX_SNAPSHOT_SIDE || h > MAX_SNAPSHOT_SIDE {
        return Err(format!(
            "{w}x{h} is over the limit of {MAX_SNAPSHOT_SIDE} columns and {MAX_SNAPSHOT_SIDE} rows"
        ));
    }
    Ok((w, h))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    // Standard input read from a terminal would wait on a blank screen for text typed
    // blind: a usage error instead (exit status 2, with the usage line).
    let reads_stdin = match &cli.command {
        Some(Command::Convert { file, .. }) => file.as_ref().is_none_or(|f| f.as_os_str() == "-"),
        None => cli.file.as_ref().is_some_and(|f| f.as_os_str() == "-"),
        Some(Command::Completions { .. } | Command::Man) => false,
    };
    if reads_stdin && std::io::stdin().is_terminal() {
        use clap::CommandFactory;
        Cli::command()
            .error(
                clap::error::ErrorKind::MissingRequiredArgument,
                "standard input is a terminal: pipe an article in (cat article.txt | qunxiang) \
                 or give a FILE",
            )
            .exit();
    }
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let msg = qunxiang::source::sanitize(&format!("{e:#}"));
            eprintln!("qunxiang: {msg}");
            ExitCode::from(1)
        }
    }
}

/// Writes to standard output; a closed pipe (`qunxiang --json | head`) is the reader's
/// choice, not an error.
fn print_out(
    write: impl FnOnce(&mut std::io::StdoutLock) -> std::io::Result<()>,
) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    match write(&mut out).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        r => Ok(r?),
    }
}

/// Whether standard input holds data to read: a pipe, a regular file or a socket
/// (`cat a.txt | qunxiang`, `qunxiang < a.txt`) with at least one byte. A terminal does
/// not, nor does a device such as /dev/null (what a job without input gets), nor an
/// empty pipe (a test harness's or an editor's). Waits for a pipe's first bytes or its
/// end; the bytes stay in standard input's buffer for the reading that follows.
fn stdin_has_data() -> bool {
    use std::io::BufRead;
    use std::os::fd::AsFd;
    use std::os::unix::fs::FileTypeExt;
    let Ok(fd) = std::io::stdin().as_fd().try_clone_to_owned() else {
        return false;
    };
    let readable = std::fs::File::from(fd).metadata().is_ok_and(|m| {
        let t = m.file_type();
        t.is_fifo() || t.is_file() || t.is_socket()
    });
    readable
        && std::io::stdin()
            .lock()
            .fill_buf()
            .is_ok_and(|b| !b.is_empty())
}

/// The input named on the command line: `-` is standard input; without a name, standard
/// input when it holds data ([`stdin_has_data`]), else `default`.
fn input_of(file: Option<&PathBuf>, default: Input) -> Input {
    match file {
        None if stdin_has_data() => Input::Stdin,
        None => default,
        Some(p) if p.as_os_str() == "-" => Input::Stdin,
        Some(p) if p.to_str().is_some_and(qunxiang::source::url::is_url) => {
            Input::Url(p.to_string_lossy().into_owned())
        }
        Some(p) => Input::Path(p.clone()),
    }
}

fn convert(
    converters: &Converters,
    to: Target,
    from: Option<Target>,
    encoding: Option<&'static encoding_rs::Encoding>,
    file: Option<&PathBuf>,
) -> anyhow::Result<()> {
    let input = input_of(file, Input::Stdin);
    let bytes = qunxiang::source::read_bytes(&input)?;
    let enc = encoding.unwrap_or_else(|| qunxiang::source::decode::detect(&bytes));
    if !bytes.is_empty() && qunxiang::source::looks_binary_as(&bytes, enc) {
        return Err(qunxiang::LoadError::Binary {
            name: input.display_name(),
        }
        .into());
    }
    let text = qunxiang::source::decode::decode_with(enc, &bytes)
        .0
        .replace('\0', "");
    let source = match from {
        Some(f) => f.script().shown((qunxiang::SourceScript::Simplified, None)),
        None => converters.detect(&text),
    };
    // People's names are converted as names (src/convert/names.rs), found by the tagger.
    let names = match converters.config_for(source, to.script()) {
        Some(_) => qunxiang::convert::find_names(&text),
        None => Default::default(),
    };
    let out = converters.convert_text_names(&text, source, to.script(), &names)?;
    // A terminal gets no control sequence from the text; a pipe gets the bytes unchanged.
    let out = if std::io::stdout().is_terminal() {
        qunxiang::source::sanitize(&out)
    } else {
        out
    };
    print_out(|o| o.write_all(out.as_bytes()))
}

fn run(cli: Cli) -> anyhow::Result<()> {
    match &cli.command {
        Some(Command::Completions { shell }) => {
            use clap::CommandFactory;
            let mut out = Vec::new();
            clap_complete::generate(*shell, &mut Cli::command(), "qunxiang", &mut out);
            return print_out(|o| o.write_all(&out));
        }
        Some(Command::Man) => {
            use clap::CommandFactory;
            let mut out = Vec::new();
            clap_mangen::Man::new(Cli::command()).render(&mut out)?;
            return print_out(|o| o.write_all(&out));
        }
        _ => {}
    }
    // The config file: a bad one is reported in one line (and on the first screen's
    // status bar) and ignored.
    let (config, config_error) = match tui::config::path() {
        None => (tui::config::Config::default(), None),
        Some(p) => match tui::config::load(&p) {
            Ok(c) => (c, None),
            Err(e) => {
                let e = qunxiang::source::sanitize(&format!("config {e}; the file is ignored"));
                eprintln!("qunxiang: warning: {e}");
                (tui::config::Config::default(), Some(e))
            }
        },
    };
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let mono = match cli.theme {
        Some(t) => t == ThemeName::Mono,
        None => config.mono.unwrap_or(false),
    };
    qunxiang::tui::panes::theme::set_monochrome(mono || no_color);
    let mut converters = Converters::with(
        qunxiang::convert::Corrections::from_env(),
        cli.taiwan_phrases || config.taiwan_phrases.unwrap_or(false),
    );
    // What `t` converts simplified text to: the option, else a traditional --script, else the
    // config file's form, else its traditional script.
    converters.traditional = cli
        .traditional
        .or(cli.script.and_then(Traditional::of))
        .or(config.traditional)
        .or(config.script.and_then(Traditional::of))
        .unwrap_or_default();
    let converters = Arc::new(converters);
    // Fails early, naming what is missing, when OpenCC's data or configs cannot be loaded.
    converters.warm(qunxiang::convert::Config::T2s)?;
    if let Some(Command::Convert {
        to,
        from,
        encoding,
        file,
    }) = &cli.command
    {
        return convert(&converters, *to, *from, *encoding, file.as_ref());
    }
    // A simplified article's first toggle converts with s2t (or s2tw, s2hk), which takes
    // about 20 ms to build: build it while the article loads. (The configs from traditional build in
    // about 1 ms; the reader builds the one it needs once the article is known.)
    if !cli.json && cli.command.is_none() {
        let warm = Arc::clone(&converters);
        qunxiang::tui::app::spawn_background(move || {
            let simplified = (qunxiang::SourceScript::Simplified, None);
            if let Some(c) = warm.config_for(simplified, warm.traditional.script()) {
                let _ = warm.warm(c);
            }
        });
    }
    let input = input_of(cli.file.as_ref(), Input::Bundled);
    // The reader shows the text at once and finds the people in the background; --json
    // and --snapshot wait for the whole analysis, --snapshot --no-wait for none of it.
    let interactive = !cli.json && cli.snapshot.is_none();
    let loaded = qunxiang::load(
        &input,
        qunxiang::LoadOptions {
            encoding: cli.encoding,
            defer_analysis: interactive || cli.no_wait,
        },
        &converters,
    )?;
    if loaded.replaced > 0 && (cli.json || cli.snapshot.is_some()) {
        eprintln!(
            "qunxiang: {}: {} malformed byte sequence{} ({}) replaced with U+FFFD",
            loaded.name,
            loaded.replaced,
            if loaded.replaced == 1 { "" } else { "s" },
            loaded.encoding
        );
    }
    if cli.json {
        let script = cli.script.unwrap_or(Script::Original);
        let article = converters.convert_article(&loaded.article, script)?;
        return print_out(|out| {
            serde_json::to_writer_pretty(&mut *out, &article).map_err(std::io::Error::from)?;
            writeln!(out)
        });
    }
    // The script of the first screen: the option, else where the article was left, else
    // the config file's.
    let remember = !cli.fresh && config.remember.unwrap_or(true) && cli.snapshot.is_none();
    let state = tui::state::dir().filter(|_| remember);
    let key = state.as_ref().map(|_| tui::state::key(&loaded.article));
    let place = state
        .as_deref()
        .zip(key.as_deref())
        .and_then(|(d, k)| tui::state::load_place(d, k));
    let script = cli
        .script
        .or_else(|| place.as_ref().and_then(App::script_of))
        .or(config.script.filter(|_| !cli.fresh))
        .unwrap_or(Script::Original);
    let setup = |app: &mut App| {
        if let Some(w) = config.max_width {
            app.max_width = w;
        }
        // Checked when the file was read: an error there ignored the whole file.
        app.keys = tui::keymap::KeyTable::with_overrides(&config.keys).unwrap_or_default();
        app.message = config_error.clone();
    };
    if let Some((w, h)) = cli.snapshot {
        let mut app = App::new(loaded, converters, script);
        setup(&mut app);
        print!(
            "{}",
            tui::snapshot(&mut app, w, h, cli.keys.as_ref().map_or(&[][..], |k| &k.0))
        );
        // The process ends here: freeing a large article (tens of ms) is the system's job.
        std::mem::forget(app);
        return Ok(());
    }
    if !std::io::stdout().is_terminal() {
        anyhow::bail!("standard output is not a terminal; use --json or --snapshot COLSxROWS");
    }
    let mut app = App::new(loaded, converters, script);
    setup(&mut app);
    if let Some(dir) = &state {
        app.history = tui::state::load_history(dir);
    }
    if let Some(p) = place {
        app.restore(p);
    }
    // Loading a long compilation frees more than the article it leaves.
    qunxiang::tui::app::release_free_memory();
    let ended = tui::run(&mut app)?;
    // Where the reader was left, and the search history, for next time (best effort).
    if let (Some(dir), Some(key)) = (&state, &key) {
        let _ = tui::state::save_place(dir, key, app.place());
        if app.history_changed {
            let _ = tui::state::save_history(dir, &app.history);
        }
    }
    if let Some(sig) = ended {
        // The terminal is restored; end as a shell reports a process the signal killed.
        std::process::exit(tui::term::exit_status(sig));
    }
    Ok(())
}
