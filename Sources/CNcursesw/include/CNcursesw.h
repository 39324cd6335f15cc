// Wide-character ncurses for Swift: the curses headers, plus what Swift cannot import itself
// (function-like macros, A_* attributes, C globals) and the signal handlers that restore the
// terminal. The definitions are in shim.c; only what BriefTerminal calls is declared here.
#ifndef BRIEF_CNCURSESW_H
#define BRIEF_CNCURSESW_H
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <wchar.h>
#include <curses.h>
#include <term.h>

int wcwidth(wchar_t c);
int wcswidth(const wchar_t *s, size_t n);

WINDOW *brief_stdscr(void);
int brief_colors(void);
int brief_color_pairs(void);
attr_t brief_attr_bold(void);
attr_t brief_attr_dim(void);
attr_t brief_attr_underline(void);
attr_t brief_attr_reverse(void);
attr_t brief_attr_italic(void);
int brief_key_code_yes(void);
int brief_key_resize(void);
int brief_key_up(void);
int brief_key_down(void);
int brief_key_left(void);
int brief_key_right(void);
int brief_key_ppage(void);
int brief_key_npage(void);
int brief_key_home(void);
int brief_key_end(void);
int brief_key_btab(void);
int brief_key_backspace(void);
int brief_key_dc(void);
int brief_key_enter(void);
int brief_key_f0(void);
/// Fills `out` with the bytes that switch the terminal to `attributes`/`pair`; returns how many.
int brief_attribute_sequence(attr_t attributes, short pair, char *out, int capacity);
/// Starts curses on stdin/stdout (C globals Swift 6 will not touch).
SCREEN *brief_newterm(const char *term);
/// Frees the terminfo entry loaded by setupterm for checking capabilities.
void brief_release_terminfo(void);
/// The current LC_CTYPE codeset ("UTF-8", "ANSI_X3.4-1968", ...).
const char *brief_codeset(void);
/// Remembers the terminal modes before curses changes them.
void brief_save_shell_modes(void);
/// After curses started: attributes and colors off, keypad off, cursor shown, alternate screen
/// left; without an alternate screen, the cursor goes to the last line, as endwin puts it.
void brief_capture_restore_sequence(void);
/// Mouse reporting for clicks, double clicks and the wheel, or off. Returns 1 when the terminal
/// reports the mouse, 0 when it cannot.
int brief_enable_mouse(int on);
/// The key code curses returns when a mouse event is waiting.
int brief_key_mouse(void);
/// Takes the waiting mouse event: 1 click, 2 double click, 3 wheel up, 4 wheel down, 0 anything
/// else; `x` and `y` are the cell.
int brief_mouse_event(int *x, int *y);
/// Curses has ended (quit or suspend): a signal from now on needs no restoring.
void brief_forget_restore_sequence(void);
/// Installs the handler for the signals that end the program (and the crash signals).
void brief_install_signal_handlers(void);
/// Installs the SIGWINCH handler (before curses starts, so curses keeps its hands off).
int brief_install_winch(void);
/// Sleeps until the terminal has input (0), the window changed size (1) or another thread
/// wrote to `wake_fd` (2, the pipe is then emptied). No spinning, no timeout.
int brief_wait_for_input_or_wake(int wake_fd);
/// Tells curses the terminal's current size.
void brief_apply_window_size(void);
/// Stops the process like Ctrl-Z in a shell would (the shell reports "Stopped"); returns once
/// it is continued (`fg`).
///
/// The signal goes to this thread (raise), not to the process (kill(getpid())): a
/// process-directed stop can let this thread run on for a moment, long enough to redraw
/// and switch the terminal back to the alternate screen before the stop takes hold.
/// SIGTSTP runs its default action (stop) here, not curses' own handler.
void brief_stop_self(void);
/// Writes one cell: up to a few wide characters (a base and its combining marks).
int brief_put_cell(WINDOW *win, int y, int x, const wchar_t *text, attr_t attrs, short pair);

#endif
