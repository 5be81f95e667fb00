//! Terminal set-up and tear-down in one place, and the signals that end, stop or resume
//! the reader (through `signal-hook`: the handlers only set flags, the event loop acts).
//!
//! - Ending signals ([`ENDING`]: SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1, …): the event
//!   loop ends, the terminal is restored ([`leave`]), and the process exits with status
//!   128 + the signal's number, as a shell reports a process the signal killed (143 for
//!   SIGTERM, 129 SIGHUP, 130 SIGINT, 131 SIGQUIT, 138 SIGUSR1).
//! - SIGTSTP (`kill -TSTP`, or Ctrl-z, which raw mode delivers as a key): the terminal is
//!   restored, cursor included, and the process group stops ([`stop_group`]).
//! - SIGCONT: the reader takes the terminal back and redraws every cell ([`enter`]), also
//!   after a stop it could not catch (SIGSTOP).

use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use crossterm::{cursor, event, execute, terminal};
use signal_hook::SigId;
use signal_hook::consts::{
    SIGALRM, SIGCONT, SIGHUP, SIGINT, SIGPROF, SIGQUIT, SIGTERM, SIGTSTP, SIGUSR1, SIGUSR2,
    SIGVTALRM, SIGXCPU, SIGXFSZ,
};

/// The signals that end the reader: every catchable signal whose default action ends the
/// process, except SIGPIPE (which Rust ignores: a closed pipe is a write error) and the
/// faults (SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT), after which nothing can be trusted.
pub const ENDING: [i32; 11] = [
    SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU,
    SIGXFSZ,
];

/// The flags the signal handlers set, registered for the reader's lifetime and unregistered
/// when dropped.
pub struct Signals {
    /// The number of the first ending signal that arrived; 0 while none has.
    ending: Arc<AtomicUsize>,
    /// SIGTSTP arrived.
    stop: Arc<AtomicBool>,
    /// SIGCONT arrived.
    cont: Arc<AtomicBool>,
    ids: Vec<SigId>,
}

impl Signals {
    /// Installs the handlers.
    ///
    /// Errors: the OS refusing a handler (not expected for these signals).
    pub fn register() -> io::Result<Signals> {
        // Handlers already installed are removed again (by `drop`) when a later one fails.
        let mut s = Signals {
            ending: Arc::new(AtomicUsize::new(0)),
            stop: Arc::new(AtomicBool::new(false)),
            cont: Arc::new(AtomicBool::new(false)),
            ids: Vec::new(),
        };
        for sig in ENDING {
            // The first ending signal wins: a SIGHUP that follows a SIGTERM (the terminal
            // closing behind it) does not change the exit status.
            let ending = Arc::clone(&s.ending);
            // SAFETY: the action only does an atomic compare-exchange, which is
            // async-signal-safe; it allocates nothing and takes no lock.
            let id = unsafe {
                signal_hook::low_level::register(sig, move || {
                    let _ = ending.compare_exchange(
                        0,
                        sig as usize,
                        Ordering::SeqCst,
                        Ordering::SeqCst,
                    );
                })
            }?;
            s.ids.push(id);
        }
        let id = signal_hook::flag::register(SIGTSTP, Arc::clone(&s.stop))?;
        s.ids.push(id);
        let id = signal_hook::flag::register(SIGCONT, Arc::clone(&s.cont))?;
        s.ids.push(id);
        Ok(s)
    }

    /// The ending signal that arrived, if any (its number, e.g. 15 for SIGTERM).
    pub fn ending(&self) -> Option<i32> {
        match self.ending.load(Ordering::SeqCst) {
            0 => None,
            n => i32::try_from(n).ok(),
        }
    }

    /// A shared handle on the ending signal, for a thread that watches the event loop
    /// (0 while none has arrived).
    pub fn ending_flag(&self) -> Arc<AtomicUsize> {
        Arc::clone(&self.ending)
    }

    /// Whether SIGTSTP arrived since the last call.
    pub fn take_stop(&self) -> bool {
        self.stop.swap(false, Ordering::SeqCst)
    }

    /// Whether SIGCONT arrived since the last call.
    pub fn take_cont(&self) -> bool {
        self.cont.swap(false, Ordering::SeqCst)
    }
}

impl Drop for Signals {
    fn drop(&mut self) {
        for id in self.ids.drain(..) {
            signal_hook::low_level::unregister(id);
        }
    }
}

/// The exit status after ending signal `sig`: 128 + its number, as shells report it.
pub fn exit_status(sig: i32) -> i32 {
    128 + sig
}

/// Takes the terminal: raw mode, the alternate screen, mouse reporting. The cursor is
/// hidden by the next draw (ratatui hides it when a frame sets no cursor position).
///
/// Errors: terminal I/O errors.
pub fn enter() -> io::Result<()> {
    terminal::enable_raw_mode()?;
    execute!(
        io::stdout(),
        terminal::EnterAlternateScreen,
        event::EnableMouseCapture
    )
}

/// Gives the terminal back as it was: mouse reporting off, the cursor shown, the main
/// screen, raw mode off. Every step is tried even when one fails (a terminal that is gone
/// fails them all); safe to call more than once.
pub fn leave() {
    let mut out = io::stdout();
    let _ = execute!(out, event::DisableMouseCapture, cursor::Show);
    let _ = execute!(out, terminal::LeaveAlternateScreen);
    let _ = terminal::disable_raw_mode();
}

/// Stops the reader's process group with SIGTSTP's default action, as the terminal's own
/// Ctrl-z would (a parent waiting for the reader, such as make or a shell script, stops
/// too, and the shell takes the terminal back), and returns once SIGCONT resumes it.
/// Call with the terminal given back ([`leave`]), from the main thread.
///
/// The reader catches SIGTSTP ([`Signals`]), so its own action is set to the default
/// around the `kill(2)`: Linux delivers a signal the sending thread does not block to
/// that thread before the call returns, so the process stops inside it.
///
/// Errors: the OS refusing `sigaction` or `kill`.
pub fn stop_group() -> io::Result<()> {
    // SAFETY: sigaction(2) with pointers to two zeroed `sigaction` structs that live for the
    // call; kill(2) with pid 0 signals our own process group. The previous action
    // (signal-hook's handler) is put back exactly as it was.
    unsafe {
        let mut default: libc::sigaction = std::mem::zeroed();
        default.sa_sigaction = libc::SIG_DFL;
        let mut previous: libc::sigaction = std::mem::zeroed();
        if libc::sigaction(libc::SIGTSTP, &default, &mut previous) != 0 {
            return Err(io::Error::last_os_error());
        }
        let stopped = if libc::kill(0, libc::SIGTSTP) == 0 {
            Ok(())
        } else {
            Err(io::Error::last_os_error())
        };
        libc::sigaction(libc::SIGTSTP, &previous, std::ptr::null_mut());
        stopped
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ending_signals_exit_with_128_plus_their_number() {
        assert_eq!(exit_status(SIGTERM), 143);
        assert_eq!(exit_status(SIGHUP), 129);
        assert_eq!(exit_status(SIGINT), 130);
        assert_eq!(exit_status(SIGQUIT), 131);
        assert_eq!(exit_status(SIGUSR1), 138);
    }

    #[test]
    fn the_first_ending_signal_is_kept_and_stop_and_cont_are_taken_once() {
        let s = Signals::register().unwrap();
        assert_eq!(s.ending(), None);
        signal_hook::low_level::raise(SIGUSR2).unwrap();
        signal_hook::low_level::raise(SIGALRM).unwrap();
        assert_eq!(s.ending(), Some(SIGUSR2));
        signal_hook::low_level::raise(SIGCONT).unwrap();
        assert!(s.take_cont());
        assert!(!s.take_cont());
        assert!(!s.take_stop());
    }
}
