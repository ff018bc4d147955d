import CNcursesw

/// Restores the terminal on every way out of the process.
///
/// A program that dies in curses mode leaves the user's shell without echo
/// and on the alternate screen. ``CursesTerminal`` arms this guard right
/// after `newterm`; from then on each exit path calls `endwin()` exactly once:
///
/// | exit path | what happens |
/// |---|---|
/// | ``CursesTerminal/shutdown()`` (normal quit) | `endwin()`; the guard is disarmed |
/// | `exit()` or returning from `main` | an `atexit` hook calls `endwin()` |
/// | first SIGINT (Ctrl-C) | read as ``Key/ctrl(_:)`` `"c"` so the app quits cleanly |
/// | second SIGINT before the first was read, SIGTERM, SIGHUP, SIGQUIT | `endwin()`, then the signal is re-raised with the default action (exit status 128+n) |
/// | Swift runtime trap (`fatalError`, overflow, bad index, force-unwrap of nil: SIGILL on x86_64, SIGTRAP on arm64), `abort()` (SIGABRT), SIGSEGV, SIGBUS, SIGFPE | `endwin()`, then the handler that was there before (the Swift backtracer or the default) runs, so the crash report and status are unchanged |
///
/// The handlers are C functions in the shim (`sl_guard_*`): a signal
/// handler must not run Swift code, whose lazy globals and allocations take
/// locks. A stack overflow is covered by an alternate signal stack. Not
/// covered: SIGKILL (cannot be caught) — run `reset` — and the text of a
/// `fatalError` message, which is printed before the trap while the
/// alternate screen is still shown and so disappears with it; redirect
/// stderr to a file (`2>log`) to keep it.
public enum TerminalGuard {
    // Every sl_guard_* call stays in this file and out of line: the shim's
    // state has internal linkage, so each object file that emits a call gets
    // its own copy, and a release build inlining `arm` into CursesTerminal
    // armed one copy while `restore` from another module read another (two
    // copies of `sl_guard_armed` were in the binary, and the explorer's
    // damaged-store message vanished with the alternate screen).

    /// Calls `endwin()` if curses mode is still active; idempotent.
    @inline(never)
    public static func restore() {
        sl_guard_restore()
    }

    /// True while the terminal still has to be restored.
    public static var isArmed: Bool {
        @inline(never) get { sl_guard_is_armed() != 0 }
    }

    /// Installs the handlers and arms the guard (done by ``CursesTerminal``).
    /// - Parameter interruptAsKey: deliver the first Ctrl-C as a key instead
    ///   of ending the process.
    @inline(never)
    static func arm(interruptAsKey: Bool) {
        sl_guard_install(interruptAsKey ? 1 : 0)
    }

    /// True (once) when a SIGINT arrived since the last call.
    @inline(never)
    static func takeInterrupt() -> Bool {
        sl_guard_take_interrupt() != 0
    }

    /// Turns xterm mouse reporting on or off; the guard turns it off on exit.
    @inline(never)
    static func setMouseReporting(_ on: Bool) {
        sl_mouse_reporting(on ? 1 : 0)
    }
}
