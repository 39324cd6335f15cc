// The definitions behind CNcursesw.h. Keeping them in a C file (not `static inline` in a system
// module's header) means an edit here rebuilds what depends on it, and the state below is plain
// file-level statics.
#include "CNcursesw.h"
#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

WINDOW *brief_stdscr(void) { return stdscr; }
int brief_colors(void) { return COLORS; }
int brief_color_pairs(void) { return COLOR_PAIRS; }

attr_t brief_attr_bold(void) { return A_BOLD; }
attr_t brief_attr_dim(void) { return A_DIM; }
attr_t brief_attr_underline(void) { return A_UNDERLINE; }
attr_t brief_attr_reverse(void) { return A_REVERSE; }
attr_t brief_attr_italic(void) { return A_ITALIC; }

int brief_key_code_yes(void) { return KEY_CODE_YES; }
int brief_key_resize(void) { return KEY_RESIZE; }
int brief_key_up(void) { return KEY_UP; }
int brief_key_down(void) { return KEY_DOWN; }
int brief_key_left(void) { return KEY_LEFT; }
int brief_key_right(void) { return KEY_RIGHT; }
int brief_key_ppage(void) { return KEY_PPAGE; }
int brief_key_npage(void) { return KEY_NPAGE; }
int brief_key_home(void) { return KEY_HOME; }
int brief_key_end(void) { return KEY_END; }
int brief_key_btab(void) { return KEY_BTAB; }
int brief_key_backspace(void) { return KEY_BACKSPACE; }
int brief_key_dc(void) { return KEY_DC; }
int brief_key_enter(void) { return KEY_ENTER; }
int brief_key_f0(void) { return KEY_F0; }

/// Text written outside curses (OSC 8 hyperlinks) must wear its cell's colors: vid_puts sends
/// the change from curses' current attributes to the wanted ones through a callback, which
/// collects it here. Curses then believes those attributes are set, as they will be once the
/// caller writes the bytes.
static struct {
    char bytes[256];
    int length;
} attribute_bytes;

static int brief_collect_attribute_byte(int c) {
    if (attribute_bytes.length < (int)sizeof attribute_bytes.bytes) attribute_bytes.bytes[attribute_bytes.length++] = (char)c;
    return c;
}

/// Fills `out` with the bytes that switch the terminal to `attributes`/`pair`; returns how many.
int brief_attribute_sequence(attr_t attributes, short pair, char *out, int capacity) {
    attribute_bytes.length = 0;
    vid_puts(attributes, pair, NULL, brief_collect_attribute_byte);
    int count = attribute_bytes.length < capacity ? attribute_bytes.length : capacity;
    memcpy(out, attribute_bytes.bytes, (size_t)count);
    return count;
}

/// Starts curses on stdin/stdout (C globals Swift 6 will not touch).
SCREEN *brief_newterm(const char *term) { return newterm(term, stdout, stdin); }

/// Frees the terminfo entry loaded by setupterm for checking capabilities.
void brief_release_terminfo(void) { del_curterm(cur_term); }

/// The current LC_CTYPE codeset ("UTF-8", "ANSI_X3.4-1968", ...).
const char *brief_codeset(void) { return nl_langinfo(CODESET); }

/// What the fatal-signal handler needs to give the terminal back, captured while curses runs
/// normally: the shell's terminal modes and the bytes endwin would send. The handler then calls
/// only async-signal-safe functions (write, tcsetattr, signal, raise). endwin itself is not
/// safe there: a signal landing inside curses' own output or malloc could hang or crash it.
struct brief_restore_state {
    struct termios shell_modes;
    volatile sig_atomic_t have_shell_modes;
    char bytes[512];
    /// 0 while curses is not running: the handler then leaves the terminal alone.
    volatile sig_atomic_t length;
    /// Mouse reporting is on: the restore turns it off as well.
    int mouse;
};

/// The one restore state.
static struct brief_restore_state restore_state;

static struct brief_restore_state *brief_restore(void) { return &restore_state; }

/// Remembers the terminal modes before curses changes them.
void brief_save_shell_modes(void) {
    brief_restore()->have_shell_modes = tcgetattr(STDIN_FILENO, &brief_restore()->shell_modes) == 0;
}

static void brief_append_restore(size_t *length, const char *value) {
    if (value == NULL || value == (const char *)-1) return;
    size_t count = strlen(value);
    if (*length + count >= sizeof brief_restore()->bytes) return;
    memcpy(brief_restore()->bytes + *length, value, count);
    *length += count;
}

/// After curses started: attributes and colors off, keypad off, cursor shown, alternate screen
/// left; without an alternate screen, the cursor goes to the last line, as endwin puts it.
void brief_capture_restore_sequence(void) {
    size_t length = 0;
    brief_append_restore(&length, tigetstr("sgr0"));
    brief_append_restore(&length, tigetstr("op"));
    brief_append_restore(&length, tigetstr("rmkx"));
    brief_append_restore(&length, tigetstr("cnorm"));
    // xterm's mouse modes (normal, button-event, SGR reports): any terminal that reports the
    // mouse knows them, and a terminal left reporting would type escape codes into the shell.
    if (brief_restore()->mouse) brief_append_restore(&length, "\033[?1006l\033[?1002l\033[?1000l");
    const char *leave = tigetstr("rmcup");
    if (leave != NULL && leave != (const char *)-1) {
        brief_append_restore(&length, leave);
    } else {
        const char *move = tigetstr("cup");
        if (move != NULL && move != (const char *)-1) brief_append_restore(&length, tiparm(move, LINES - 1, 0));
        brief_append_restore(&length, "\r\n");
    }
    brief_restore()->length = (sig_atomic_t)length;
}

/// Mouse reporting for clicks, double clicks and the wheel, or off. Returns 1 when the terminal
/// reports the mouse, 0 when it cannot.
int brief_enable_mouse(int on) {
    mmask_t wanted = on ? (BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED) : 0;
    mmask_t granted = mousemask(wanted, NULL);
    brief_restore()->mouse = on && granted != 0;
    return brief_restore()->mouse;
}

/// The key code curses returns when a mouse event is waiting.
int brief_key_mouse(void) { return KEY_MOUSE; }

/// Takes the waiting mouse event: 1 click, 2 double click, 3 wheel up, 4 wheel down, 0 anything
/// else; `x` and `y` are the cell.
int brief_mouse_event(int *x, int *y) {
    MEVENT event;
    if (getmouse(&event) != OK) return 0;
    *x = event.x;
    *y = event.y;
    if (event.bstate & BUTTON1_DOUBLE_CLICKED) return 2;
    if (event.bstate & BUTTON1_CLICKED) return 1;
    if (event.bstate & BUTTON4_PRESSED) return 3;
    if (event.bstate & BUTTON5_PRESSED) return 4;
    return 0;
}

/// Curses has ended (quit or suspend): a signal from now on needs no restoring.
void brief_forget_restore_sequence(void) { brief_restore()->length = 0; }

/// Restores the terminal, then lets the signal do what it would have done.
static void brief_on_fatal_signal(int sig) {
    struct brief_restore_state *state = brief_restore();
    size_t length = (size_t)state->length;
    if (length > 0) {
        ssize_t ignored = write(STDOUT_FILENO, state->bytes, length);
        (void)ignored;
        if (state->have_shell_modes) tcsetattr(STDIN_FILENO, TCSADRAIN, &state->shell_modes);
    }
    signal(sig, SIG_DFL);
    raise(sig);
}

/// Installs the handler for the signals that end the program (and the crash signals).
void brief_install_signal_handlers(void) {
    static const int signals[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGABRT, SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP };
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = brief_on_fatal_signal;
    sigemptyset(&action.sa_mask);
    for (size_t i = 0; i < sizeof signals / sizeof signals[0]; i++) {
        sigaction(signals[i], &action, NULL);
    }
}

/// Self-pipe for SIGWINCH: the signal may land on any thread of a Swift process, so a
/// blocking read on the main thread would not notice it; poll on this pipe does.
static int brief_winch_fds[2] = { -1, -1 };

static void brief_on_winch(int sig) {
    (void)sig;
    int saved = errno;
    char byte = 1;
    if (brief_winch_fds[1] >= 0) { ssize_t ignored = write(brief_winch_fds[1], &byte, 1); (void)ignored; }
    errno = saved;
}

/// Installs the SIGWINCH handler (before curses starts, so curses keeps its hands off).
int brief_install_winch(void) {
    if (pipe(brief_winch_fds) != 0) return -1;
    for (int i = 0; i < 2; i++) {
        fcntl(brief_winch_fds[i], F_SETFL, fcntl(brief_winch_fds[i], F_GETFL) | O_NONBLOCK);
        fcntl(brief_winch_fds[i], F_SETFD, FD_CLOEXEC);
    }
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = brief_on_winch;
    action.sa_flags = SA_RESTART;
    sigemptyset(&action.sa_mask);
    return sigaction(SIGWINCH, &action, NULL);
}

/// Sleeps until the terminal has input (0), the window changed size (1) or another thread
/// wrote to `wake_fd` (2, the pipe is then emptied). No spinning, no timeout.
int brief_wait_for_input_or_wake(int wake_fd) {
    struct pollfd fds[3] = { { STDIN_FILENO, POLLIN, 0 }, { brief_winch_fds[0], POLLIN, 0 }, { wake_fd, POLLIN, 0 } };
    for (;;) {
        int ready = poll(fds, 3, -1);
        if (ready < 0 && errno == EINTR) continue;
        char buffer[64];
        if (ready > 0 && (fds[1].revents & POLLIN)) {
            while (read(brief_winch_fds[0], buffer, sizeof buffer) > 0) {}
            return 1;
        }
        if (ready > 0 && (fds[2].revents & POLLIN)) {
            while (read(wake_fd, buffer, sizeof buffer) > 0) {}
            return 2;
        }
        return 0;
    }
}

/// Tells curses the terminal's current size.
void brief_apply_window_size(void) {
    struct winsize size;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_row > 0 && size.ws_col > 0) {
        resize_term(size.ws_row, size.ws_col);
    }
}

/// Stops the process like Ctrl-Z in a shell would (the shell reports "Stopped"); returns once
/// it is continued (`fg`).
///
/// The signal goes to this thread (raise), not to the process (kill(getpid())): a
/// process-directed stop can let this thread run on for a moment, long enough to redraw
/// and switch the terminal back to the alternate screen before the stop takes hold.
/// SIGTSTP runs its default action (stop) here, not curses' own handler.
void brief_stop_self(void) {
    struct sigaction stop, previous;
    memset(&stop, 0, sizeof stop);
    stop.sa_handler = SIG_DFL;
    sigemptyset(&stop.sa_mask);
    sigaction(SIGTSTP, &stop, &previous);
    sigset_t tstp, saved;
    sigemptyset(&tstp);
    sigaddset(&tstp, SIGTSTP);
    pthread_sigmask(SIG_UNBLOCK, &tstp, &saved);
    raise(SIGTSTP);
    pthread_sigmask(SIG_SETMASK, &saved, NULL);
    sigaction(SIGTSTP, &previous, NULL);
}

/// Writes one cell: up to a few wide characters (a base and its combining marks).
int brief_put_cell(WINDOW *win, int y, int x, const wchar_t *text, attr_t attrs, short pair) {
    cchar_t cell;
    if (setcchar(&cell, text, attrs, pair, NULL) != OK) return ERR;
    return mvwadd_wch(win, y, x, &cell);
}
