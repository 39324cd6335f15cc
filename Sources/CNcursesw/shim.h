#ifndef BRIEF_CNCURSESW_SHIM_H
#define BRIEF_CNCURSESW_SHIM_H
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <wchar.h>
#include <curses.h>
#endif
