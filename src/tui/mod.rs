//! The terminal reader: state ([`app`]), keys ([`keymap`]), drawing ([`ui`], [`panes`]), and
//! the event loop with terminal set-up and tear-down in one place ([`run`]).

pub mod app;
pub mod cache;
pub mod config;
pub mod keymap;
pub mod lines;
pub mod panes;
pub mod state;
pub mod term;
pub mod ui;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;

use crossterm::event::{self, Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

pub use app::{App, Pane};
pub use keymap::Action;

/// Runs the reader in the terminal until the user quits or a signal ends it; returns the
/// ending signal's number when one did (the caller exits with [`term::exit_status`]).
///
/// The terminal is taken and given back in one place ([`term::enter`], [`term::leave`]):
/// on every way out of the loop, error included; a panic hook gives it back before the
/// panic message is printed. Signals ([`term`]) only set flags, checked at least every
/// 200 ms: an ending signal (SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1, …) ends the loop;
/// SIGTSTP, like Ctrl-z, gives the terminal back and stops the process; SIGCONT takes it
/// again and redraws every cell.
///
/// When the people are still to be found ([`App::finding`]), the analysis starts in the
/// background right after the first frame; the loop takes its parts as they come (the
/// list fills in, the status bar shows the progress) and stops it on the way out, without
/// waiting for it.
///
/// Errors: terminal I/O errors.
pub fn run(app: &mut App) -> std::io::Result<Option<i32>> {
    let signals = term::Signals::register()?;
    // ratatui's own panic hook gives back raw mode and the alternate screen; mouse
    // reporting and the cursor are ours, also when a panic unwinds.
    let mut terminal = ratatui::init();
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        term::leave();
        hook(info);
    }));
    let result = term::enter().and_then(|()| {
        app.prefetch();
        let done = Arc::new(AtomicBool::new(false));
        watch_terminal(signals.ending_flag(), Arc::clone(&done));
        let result = event_loop(&mut terminal, app, &signals);
        app.stop_analysis();
        done.store(true, Ordering::Relaxed);
        result
    });
    term::leave();
    drop(terminal);
    result.map(|()| signals.ending())
}

/// Ends the process when its terminal is gone. crossterm 0.29 reads a hung-up tty in a
/// loop that never returns (crossterm issue #793), so the event loop cannot notice: a
/// watchdog thread checks twice a second that the terminal still answers a size query
/// ([`terminal_answers`]), and that an ending signal ended the event loop within about a
/// second (a frame or a key's work can take that long on a huge article); otherwise it
/// gives the terminal back as well as it can and exits with 128 + the signal's number, or
/// 129 (the shell's code for a hangup) when the terminal is gone. The size query is what
/// catches a terminal closed under `make run`: the hangup signal goes to make, the session
/// leader, which waits for its child instead of passing it on.
fn watch_terminal(ending: Arc<AtomicUsize>, done: Arc<AtomicBool>) {
    std::thread::spawn(move || {
        let mut stopping = 0;
        while !done.load(Ordering::Relaxed) {
            std::thread::sleep(Duration::from_millis(500));
            if done.load(Ordering::Relaxed) {
                return;
            }
            let sig = i32::try_from(ending.load(Ordering::Relaxed)).unwrap_or(0);
            if sig != 0 {
                stopping += 1;
            }
            if !terminal_answers() {
                std::process::exit(term::exit_status(libc::SIGHUP));
            }
            if stopping > 2 {
                term::leave();
                std::process::exit(term::exit_status(sig));
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
    signals: &term::Signals,
) -> std::io::Result<()> {
    terminal.draw(|f| ui::draw(f, app))?;
    app.start_analysis();
    while !app.quit && signals.ending().is_none() {
        let mut redraw = app.poll_background();
        redraw |= app.poll_analysis();
        redraw |= app.poll_search();
        // While people are being found or a search runs, parts are taken (and the
        // progress redrawn) sooner.
        let busy = app.analysing() || app.searching.is_some();
        if app.searching.is_some() || app.conversion_progress().is_some() {
            redraw = true; // the search's or the conversion's percentage
        }
        let wait = if busy { 50 } else { 200 };
        if event::poll(Duration::from_millis(wait))? {
            match event::read()? {
                Event::Key(k) => {
                    if let Some(a) = app.keys.action_for(&k, app.input.is_some()) {
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
                    // The article and compare views convert what a screen of the new size
                    // shows.
                    for scroll in [&app.article_scroll, &app.compare_scroll] {
                        scroll
                            .height
                            .set(scroll.height.get().max(usize::from(rows)));
                    }
                    app.ensure_on_screen();
                    redraw = true;
                }
                _ => {}
            }
        }
        if let Some(text) = app.clipboard.take() {
            copy_osc52(&text)?;
        }
        if signals.take_stop() || app.suspend {
            app.suspend = false;
            suspend(terminal, signals)?;
            redraw = true;
        }
        if signals.take_cont() {
            // Resumed after a stop the reader did not see coming (SIGSTOP): the shell may
            // have taken the terminal meanwhile.
            resume(terminal)?;
            redraw = true;
        }
        if redraw && !app.quit {
            terminal.draw(|f| ui::draw(f, app))?;
        }
    }
    Ok(())
}

/// Copies `text` to the clipboard through the terminal: OSC 52 (`ESC ] 52 ; c ; base64
/// BEL`), which most terminal emulators and tmux (with `set-clipboard on`) honour. The
/// app keeps the sequence under [`app::OSC52_MAX_BYTES`].
fn copy_osc52(text: &str) -> std::io::Result<()> {
    use base64::Engine;
    use std::io::Write;
    let encoded = base64::engine::general_purpose::STANDARD.encode(text.as_bytes());
    let mut out = std::io::stdout().lock();
    write!(out, "\x1b]52;c;{encoded}\x07")?;
    out.flush()
}

/// Gives the terminal back (cursor shown), stops the process group as the terminal's
/// Ctrl-z would ([`term::stop_group`]), and when `fg` resumes it takes the terminal back
/// and clears it so the next draw repaints every cell.
fn suspend(
    terminal: &mut ratatui::DefaultTerminal,
    signals: &term::Signals,
) -> std::io::Result<()> {
    term::leave();
    let stopped = term::stop_group();
    // The SIGCONT that resumed us is this stop's; a SIGTSTP that came meanwhile is spent.
    signals.take_cont();
    signals.take_stop();
    resume(terminal)?;
    stopped
}

/// Takes the terminal again after a stop and clears it, so the next draw repaints every
/// cell (ratatui hides the cursor again then). `Terminal::resize` clears without asking the
/// terminal where its cursor is (`Terminal::clear` does, and waits up to 2 s for a terminal
/// that does not answer), and takes a size changed while the reader was stopped.
fn resume(terminal: &mut ratatui::DefaultTerminal) -> std::io::Result<()> {
    term::enter()?;
    let size = terminal.size()?;
    terminal.resize(ratatui::layout::Rect::new(0, 0, size.width, size.height))
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
        if let Some(a) = app.keys.action_for(k, app.input.is_some()) {
            app.update(a);
        }
        // A headless screen shows what a search asked for, done.
        app.wait_search();
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
