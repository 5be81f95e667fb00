//! The terminal reader: state ([`app`]), keys ([`keymap`]), drawing ([`ui`], [`panes`]), and
//! the event loop with terminal set-up and tear-down in one place ([`run`]).

pub mod app;
pub mod keymap;
pub mod lines;
pub mod panes;
pub mod ui;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM, SIGTSTP};

use crossterm::event::{self, Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

pub use app::{App, Pane};
pub use keymap::Action;

/// Runs the reader in the terminal until the user quits.
///
/// `ratatui::init` enters raw mode and the alternate screen and installs a panic hook that
/// restores the terminal before the panic message is printed; [`ratatui::restore`] runs on
/// every way out of the loop, error included. SIGTERM, SIGHUP and SIGINT end the loop the
/// same way (checked at least every 200 ms); Ctrl-z leaves the screen, stops the process
/// with SIGTSTP, and redraws everything when `fg` resumes it.
///
/// When the people are still to be found ([`App::finding`]), the analysis starts in the
/// background right after the first frame; the loop takes its parts as they come (the
/// list fills in, the status bar shows the progress) and stops it on the way out, without
/// waiting for it.
///
/// Errors: terminal I/O errors.
pub fn run(mut app: App) -> std::io::Result<()> {
    let stop = Arc::new(AtomicBool::new(false));
    for sig in [SIGTERM, SIGHUP, SIGINT] {
        signal_hook::flag::register(sig, Arc::clone(&stop))?;
    }
    let mut terminal = ratatui::init();
    // Mouse reporting is ours to switch off again, also when a panic unwinds.
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = crossterm::execute!(std::io::stdout(), crossterm::event::DisableMouseCapture);
        hook(info);
    }));
    crossterm::execute!(std::io::stdout(), crossterm::event::EnableMouseCapture)?;
    app.prefetch();
    let done = Arc::new(AtomicBool::new(false));
    watch_terminal(Arc::clone(&stop), Arc::clone(&done));
    let result = event_loop(&mut terminal, &mut app, &stop);
    app.stop_analysis();
    done.store(true, Ordering::Relaxed);
    let _ = crossterm::execute!(std::io::stdout(), crossterm::event::DisableMouseCapture);
    ratatui::restore();
    result
}

/// Ends the process when its terminal is gone. crossterm 0.29 reads a hung-up tty in a
/// loop that never returns (crossterm issue #793), so the event loop cannot notice: a
/// watchdog thread checks twice a second that the terminal still answers a size query
/// ([`terminal_answers`]), and that a stop signal (SIGTERM, SIGHUP) ended the event loop
/// within a second; otherwise it exits with status 129 (the shell's code for a hangup).
/// There is no terminal left to restore then. The size query is what catches a terminal
/// closed under `make run`: the hangup signal goes to make, the session leader, which waits
/// for its child instead of passing it on.
fn watch_terminal(stop: Arc<AtomicBool>, done: Arc<AtomicBool>) {
    std::thread::spawn(move || {
        let mut stopping = 0;
        while !done.load(Ordering::Relaxed) {
            std::thread::sleep(Duration::from_millis(500));
            if done.load(Ordering::Relaxed) {
                return;
            }
            if stop.load(Ordering::Relaxed) {
                stopping += 1;
            }
            if !terminal_answers() || stopping > 2 {
                std::process::exit(129);
            }
        }
    });
}

/// Whether standard output is a terminal that still answers a window-size query (ioctl
/// TIOCGWINSZ). A hung-up terminal fails it with EIO. crossterm's `terminal::size` cannot
/// tell, because it falls back to asking `tput`, which answers without a terminal.
fn terminal_answers() -> bool {
    // SAFETY: TIOCGWINSZ writes one `winsize` through the pointer, which points at one.
    unsafe {
        let mut size: libc::winsize = std::mem::zeroed();
        libc::ioctl(libc::STDOUT_FILENO, libc::TIOCGWINSZ, &mut size) == 0
    }
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    stop: &AtomicBool,
) -> std::io::Result<()> {
    terminal.draw(|f| ui::draw(f, app))?;
    app.start_analysis();
    while !app.quit && !stop.load(Ordering::Relaxed) {
        let mut redraw = app.poll_background();
        redraw |= app.poll_analysis();
        // While people are being found, parts are taken (and the progress redrawn) sooner.
        let wait = if app.analysing() { 50 } else { 200 };
        if event::poll(Duration::from_millis(wait))? {
            match event::read()? {
                Event::Key(k) => {
                    if let Some(a) = keymap::action_for(&k, app.input.is_some()) {
                        app.update(a);
                        redraw = true;
                    }
                }
                Event::Mouse(m) => {
                    if let Some(a) = keymap::mouse_action(&m) {
                        app.update(a);
                        redraw = true;
                    }
                }
                Event::Resize(_, rows) => {
                    terminal.autoresize()?;
                    // The article view converts what a screen of the new size shows.
                    let h = app.article_scroll.height.get().max(usize::from(rows));
                    app.article_scroll.height.set(h);
                    app.ensure_on_screen();
                    redraw = true;
                }
                _ => {}
            }
        }
        if let Some(text) = app.clipboard.take() {
            copy_osc52(&text)?;
        }
        if app.suspend {
            app.suspend = false;
            suspend(terminal)?;
            redraw = true;
        }
        if redraw && !app.quit {
            terminal.draw(|f| ui::draw(f, app))?;
        }
    }
    Ok(())
}

/// Copies `text` to the clipboard through the terminal: OSC 52 (`ESC ] 52 ; c ; base64
/// BEL`), which most terminal emulators and tmux (with `set-clipboard on`) honour.
fn copy_osc52(text: &str) -> std::io::Result<()> {
    use base64::Engine;
    use std::io::Write;
    let encoded = base64::engine::general_purpose::STANDARD.encode(text.as_bytes());
    let mut out = std::io::stdout().lock();
    write!(out, "\x1b]52;c;{encoded}\x07")?;
    out.flush()
}

/// Restores the terminal, stops the process group (SIGTSTP, as a terminal's Ctrl-z would), and on
/// resume takes the terminal back and clears it so the next draw repaints every cell.
fn suspend(terminal: &mut ratatui::DefaultTerminal) -> std::io::Result<()> {
    let _ = crossterm::execute!(std::io::stdout(), crossterm::event::DisableMouseCapture);
    ratatui::restore();
    // Stop the whole process group, as the terminal's own Ctrl-z would: a parent waiting
    // for us (make, a shell script) stops too, and the shell takes the terminal back.
    // SAFETY: kill(2) with pid 0 signals our own process group; no memory is involved.
    if unsafe { libc::kill(0, libc::SIGTSTP) } != 0 {
        signal_hook::low_level::raise(SIGTSTP)?;
    }
    crossterm::terminal::enable_raw_mode()?;
    crossterm::execute!(
        std::io::stdout(),
        crossterm::terminal::EnterAlternateScreen,
        crossterm::event::EnableMouseCapture
    )?;
    terminal.clear()
}

/// Parses a key script for [`snapshot`]: every char is a key press, except `<…>` names:
/// `<Tab>`, `<S-Tab>` (or `<BTab>`), `<Up>`, `<Down>`, `<Left>`, `<Right>`, `<PgUp>`, `<PgDn>`, `<Home>`, `<End>`, `<Esc>`,
/// `<Enter>`, `<Space>`, and `<C-x>` for Ctrl with a letter.
///
/// Errors: the unknown name, as a message.
pub fn parse_keys(keys: &str) -> Result<Vec<KeyEvent>, String> {
    let mut out = Vec::new();
    let mut chars = keys.chars();
    while let Some(c) = chars.next() {
        if c != '<' {
            out.push(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
            continue;
        }
        let name: String = chars.by_ref().take_while(|&c| c != '>').collect();
        let (code, m) = match name.as_str() {
            "Tab" => (KeyCode::Tab, KeyModifiers::NONE),
            "S-Tab" | "BTab" | "BackTab" => (KeyCode::BackTab, KeyModifiers::SHIFT),
            "Up" => (KeyCode::Up, KeyModifiers::NONE),
            "Down" => (KeyCode::Down, KeyModifiers::NONE),
            "Left" => (KeyCode::Left, KeyModifiers::NONE),
            "Right" => (KeyCode::Right, KeyModifiers::NONE),
            "PgUp" | "PageUp" => (KeyCode::PageUp, KeyModifiers::NONE),
            "PgDn" | "PageDown" => (KeyCode::PageDown, KeyModifiers::NONE),
            "Home" => (KeyCode::Home, KeyModifiers::NONE),
            "End" => (KeyCode::End, KeyModifiers::NONE),
            "Esc" => (KeyCode::Esc, KeyModifiers::NONE),
            "Enter" => (KeyCode::Enter, KeyModifiers::NONE),
            "Space" => (KeyCode::Char(' '), KeyModifiers::NONE),
            n if n.len() == 3 && n.starts_with("C-") => (
                KeyCode::Char(n.chars().nth(2).unwrap_or('c')),
                KeyModifiers::CONTROL,
            ),
            n => return Err(format!("unknown key <{n}> in --keys")),
        };
        out.push(KeyEvent::new(code, m));
    }
    Ok(out)
}

/// Renders the screen headlessly at `width`x`height` cells after `keys`, into a ratatui
/// buffer, and returns the last frame as plain text: one line per row, trailing spaces
/// removed, wide characters once (their continuation cells skipped).
///
/// The text comes from the frame's own buffer, not from `TestBackend`'s: the backend only
/// receives the cells that changed and, unlike a terminal, does not let a wide character
/// cover the cell after it, so it can keep cells a terminal would have overwritten.
pub fn snapshot(app: &mut App, width: u16, height: u16, keys: &[KeyEvent]) -> String {
    let mut terminal =
        Terminal::new(TestBackend::new(width, height)).expect("TestBackend cannot fail");
    // Draw once first, so panes know their sizes before keys scroll them.
    let mut text = draw_text(&mut terminal, app);
    for k in keys {
        if let Some(a) = keymap::action_for(k, app.input.is_some()) {
            app.update(a);
        }
        text = draw_text(&mut terminal, app);
    }
    text
}

fn draw_text(terminal: &mut Terminal<TestBackend>, app: &App) -> String {
    let frame = terminal
        .draw(|f| ui::draw(f, app))
        .expect("TestBackend cannot fail");
    buffer_text(frame.buffer)
}

/// A buffer as plain text (see [`snapshot`]).
pub fn buffer_text(buf: &ratatui::buffer::Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut line = String::new();
        let mut skip = 0;
        for x in 0..buf.area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let sym = buf[(x, y)].symbol();
            skip = crate::text::wrap::display_width(sym).saturating_sub(1);
            line.push_str(sym);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}
