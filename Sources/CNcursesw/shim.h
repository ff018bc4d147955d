#ifndef STEAMLENS_CNCURSESW_SHIM_H
#define STEAMLENS_CNCURSESW_SHIM_H

// The wide-character API (wget_wch, mvwaddnwstr, cchar_t) is only declared
// when these are set before curses.h; the pkg-config flags drop them, which
// is why the module map does not use pkgConfig.
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <locale.h>
#include <wchar.h>
#include <langinfo.h>
#include <string.h>
#include <strings.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <ncursesw/curses.h>

// Swift 6 rejects C globals (stdscr, COLS, LINES, COLORS, COLOR_PAIRS) and
// does not import function-like macros (attr_set, COLOR_PAIR, KEY_F, ...),
// so everything TerminalUI needs goes through these small wrappers.

// MARK: - Globals

static inline WINDOW *sl_stdscr(void) { return stdscr; }
static inline int sl_cols(void) { return COLS; }
static inline int sl_lines(void) { return LINES; }
static inline int sl_colors(void) { return COLORS; }
static inline int sl_color_pairs(void) { return COLOR_PAIRS; }
static inline void sl_getmaxyx(WINDOW *win, int *y, int *x) {
    int yy, xx;
    getmaxyx(win, yy, xx);
    *y = yy;
    *x = xx;
}

// MARK: - Start-up

/// `newterm` on the process's own stdout/stdin. Returns NULL (instead of
/// exiting like `initscr`) when TERM is unknown.
static inline SCREEN *sl_newterm_stdio(void) { return newterm(NULL, stdout, stdin); }

/// 1 when the terminal newterm set up can move the cursor (terminfo `cup`).
/// `TERM=dumb` and other printing terminals cannot: a full-screen frame
/// would come out as one line of garbage.
static inline int sl_has_cursor_addressing(void) {
    const char *cup = tigetstr("cup");
    return cup != NULL && cup != (const char *)-1 && cup[0] != '\0';
}

/// Undoes a newterm whose terminal turned out unusable.
static inline void sl_abandon_screen(SCREEN *screen) {
    endwin();
    delscreen(screen);
}

/// 1 when the current locale's character set (after setlocale) is UTF-8.
static inline int sl_locale_is_utf8(void) {
    const char *codeset = nl_langinfo(CODESET);
    if (codeset == NULL) return 0;
    return strcasecmp(codeset, "UTF-8") == 0 || strcasecmp(codeset, "utf8") == 0;
}

static inline void sl_setlocale_from_environment(void) { setlocale(LC_ALL, ""); }
static inline int sl_stdin_isatty(void) { return isatty(STDIN_FILENO); }
static inline int sl_stdout_isatty(void) { return isatty(STDOUT_FILENO); }
static inline int sl_set_escdelay(int ms) { return set_escdelay(ms); }
static inline int sl_keypad_on(void) { return keypad(stdscr, TRUE); }

// MARK: - Attributes and colour

static inline attr_t sl_attr_normal(void) { return A_NORMAL; }
static inline attr_t sl_attr_bold(void) { return A_BOLD; }
static inline attr_t sl_attr_reverse(void) { return A_REVERSE; }
static inline attr_t sl_attr_dim(void) { return A_DIM; }
static inline attr_t sl_attr_underline(void) { return A_UNDERLINE; }
static inline attr_t sl_color_pair(int n) { return (attr_t)COLOR_PAIR(n); }
static inline int sl_attr_set(attr_t attrs, short pair) { return attr_set(attrs, pair, NULL); }

// MARK: - Drawing

static inline int sl_erase(void) { return erase(); }
static inline int sl_refresh(void) { return refresh(); }
static inline int sl_mvaddnwstr(int y, int x, const wchar_t *s, int n) { return mvaddnwstr(y, x, s, n); }
static inline int sl_wcwidth(wchar_t c) { return wcwidth(c); }

// MARK: - Input

static inline void sl_timeout(int ms) { wtimeout(stdscr, ms); }
/// Returns OK (a character in *ch), KEY_CODE_YES (a KEY_* code in *ch) or ERR.
static inline int sl_get_wch(wint_t *ch) { return wget_wch(stdscr, ch); }
/// Pushes a character back so the next sl_get_wch returns it.
static inline int sl_unget_wch(wchar_t ch) { return unget_wch(ch); }
static inline int sl_ok(void) { return OK; }
static inline int sl_err(void) { return ERR; }
static inline int sl_key_code_yes(void) { return KEY_CODE_YES; }

static inline int sl_key_up(void) { return KEY_UP; }
static inline int sl_key_down(void) { return KEY_DOWN; }
static inline int sl_key_left(void) { return KEY_LEFT; }
static inline int sl_key_right(void) { return KEY_RIGHT; }
static inline int sl_key_home(void) { return KEY_HOME; }
static inline int sl_key_end(void) { return KEY_END; }
static inline int sl_key_ppage(void) { return KEY_PPAGE; }
static inline int sl_key_npage(void) { return KEY_NPAGE; }
static inline int sl_key_btab(void) { return KEY_BTAB; }
static inline int sl_key_enter(void) { return KEY_ENTER; }
static inline int sl_key_backspace(void) { return KEY_BACKSPACE; }
static inline int sl_key_dc(void) { return KEY_DC; }
static inline int sl_key_ic(void) { return KEY_IC; }
static inline int sl_key_resize(void) { return KEY_RESIZE; }
static inline int sl_key_mouse(void) { return KEY_MOUSE; }
static inline int sl_key_f(int n) { return KEY_F(n); }

// MARK: - Terminal guard (restore on every exit path)
//
// Kept in C because a signal handler must not enter the Swift runtime
// (lazy globals use swift_once, allocation takes locks). endwin itself is
// not on the POSIX async-signal-safe list, but it only writes the reset
// sequences and restores termios, which is what ncurses' own handlers do.

// State has internal linkage (this header is compiled into the Swift object
// file that calls it), so every sl_guard_* call and sl_mouse_reporting must
// come from one Swift file, TerminalUI/TerminalGuard.swift, in functions
// marked @inline(never) (inlined elsewhere, they would use another copy). The previous actions live in a
// function-local static because Swift's importer does not emit file-scope
// static arrays.
static volatile sig_atomic_t sl_guard_armed = 0;        // 1 while curses mode may be active
static volatile sig_atomic_t sl_guard_interrupts = 0;   // SIGINTs not yet read as Ctrl-C
static volatile sig_atomic_t sl_guard_interrupt_as_key = 0;
static volatile sig_atomic_t sl_guard_mouse = 0;        // 1 while mouse reporting is on

static inline struct sigaction *sl_guard_previous_actions(void) {
    static struct sigaction previous[65];
    return previous;
}

/// endwin exactly once per arming; safe from signal handlers and atexit.
static inline void sl_guard_restore(void) {
    if (sl_guard_armed) {
        sl_guard_armed = 0;
        if (sl_guard_mouse) {
            // Mouse reporting is turned on by the app, not by ncurses, so endwin
            // would leave it on; write() is async-signal-safe.
            static const char off[] = "\033[?1006l\033[?1000l";
            sl_guard_mouse = 0;
            (void)!write(STDOUT_FILENO, off, sizeof off - 1);
        }
        endwin();
    }
}

/// Writes bytes straight to the terminal, after what ncurses has buffered
/// (OSC 52 clipboard requests, which ncurses has no call for).
static inline void sl_write_raw(const char *bytes) {
    fflush(stdout);
    (void)!write(STDOUT_FILENO, bytes, strlen(bytes));
}

/// Turns xterm mouse reporting (clicks and wheel, SGR coordinates) on or off.
static inline void sl_mouse_reporting(int on) {
    fflush(stdout);
    const char *sequence = on ? "\033[?1000h\033[?1006h" : "\033[?1006l\033[?1000l";
    (void)!write(STDOUT_FILENO, sequence, strlen(sequence));
    sl_guard_mouse = on;
}

static void sl_guard_atexit(void) { sl_guard_restore(); }

/// Termination signals: restore, then die of the same signal with the
/// default disposition so the parent sees the right exit status.
static void sl_guard_terminate(int sig) {
    sl_guard_restore();
    signal(sig, SIG_DFL);
    raise(sig);
}

/// First SIGINT becomes a Ctrl-C key (read by sl_guard_take_interrupt) so the
/// app can quit cleanly; a second one before it was read means the app is
/// stuck, so restore and die.
static void sl_guard_interrupt(int sig) {
    if (sl_guard_interrupt_as_key && sl_guard_interrupts == 0) {
        sl_guard_interrupts = 1;
        return;
    }
    sl_guard_terminate(sig);
}

/// Crash signals (a Swift runtime trap is SIGILL on x86_64 and SIGTRAP on
/// arm64; abort() is SIGABRT; bad memory is SIGSEGV/SIGBUS): restore the
/// terminal, then hand over to whatever handler was there before us (the
/// Swift runtime's backtracer, or the default) so the crash report and exit
/// status are unchanged.
static void sl_guard_crash(int sig, siginfo_t *info, void *context) {
    (void)context;
    sl_guard_restore();
    sigaction(sig, &sl_guard_previous_actions()[sig], NULL);
    // A fault raised by the kernel (si_code > 0) re-executes the faulting
    // instruction on return and reaches the previous handler with the real
    // context. SIGTRAP on x86 resumes *after* int3, and signals sent by
    // kill/raise do not repeat, so those are re-raised instead.
    if (sig == SIGTRAP || info == NULL || info->si_code <= 0) {
        raise(sig);
    }
}

static inline void sl_guard_install_handler(int sig, void (*handler)(int)) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = handler;
    sigemptyset(&action.sa_mask);
    sigaction(sig, &action, &sl_guard_previous_actions()[sig]);
}

static inline void sl_guard_install_crash_handler(int sig) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_sigaction = sl_guard_crash;
    action.sa_flags = SA_SIGINFO | SA_ONSTACK;
    sigemptyset(&action.sa_mask);
    sigaction(sig, &action, &sl_guard_previous_actions()[sig]);
}

/// Installs the handlers and the atexit hook (once per process) and arms the
/// guard. Call right after a successful newterm.
static inline void sl_guard_install(int interrupt_as_key) {
    static int installed = 0;
    sl_guard_interrupt_as_key = interrupt_as_key;
    sl_guard_interrupts = 0;
    sl_guard_armed = 1;
    if (installed) return;
    installed = 1;

    // An alternate stack so a stack-overflow SIGSEGV can still run the handler.
    stack_t alt;
    memset(&alt, 0, sizeof alt);
    alt.ss_size = 64 * 1024;
    alt.ss_sp = malloc(alt.ss_size);
    if (alt.ss_sp != NULL) sigaltstack(&alt, NULL);

    sl_guard_install_handler(SIGINT, sl_guard_interrupt);
    sl_guard_install_handler(SIGTERM, sl_guard_terminate);
    sl_guard_install_handler(SIGHUP, sl_guard_terminate);
    sl_guard_install_handler(SIGQUIT, sl_guard_terminate);
    sl_guard_install_crash_handler(SIGILL);
    sl_guard_install_crash_handler(SIGTRAP);
    sl_guard_install_crash_handler(SIGABRT);
    sl_guard_install_crash_handler(SIGSEGV);
    sl_guard_install_crash_handler(SIGBUS);
    sl_guard_install_crash_handler(SIGFPE);
    atexit(sl_guard_atexit);
}

/// 1 if a SIGINT arrived since the last call (and forgets it).
static inline int sl_guard_take_interrupt(void) {
    int pending = sl_guard_interrupts;
    sl_guard_interrupts = 0;
    return pending;
}

/// 1 while the guard still has to call endwin.
static inline int sl_guard_is_armed(void) { return sl_guard_armed; }

#endif
