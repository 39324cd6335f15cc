#ifndef BRIEF_CZLIB_SHIM_H
#define BRIEF_CZLIB_SHIM_H
// zlib's raw deflate, for the article text the library cache stores compressed.
#include <zlib.h>
#endif
