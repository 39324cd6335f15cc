#ifndef BRIEF_CLIBXML2_SHIM_H
#define BRIEF_CLIBXML2_SHIM_H
// libxml2's HTML and XML parsers and tree API, for the HTML and feed readers.
//
// Debian builds libxml2 with ICU, so its headers pull in the system's <unicode/*.h>, whose
// UErrorCode clashes with Foundation's bundled ICU ("has different definitions in different
// modules") in any file that imports both, depending on the order modules load. Brief never
// touches libxml2's ICU converters (only opaque pointers), so those headers stay out.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/parserInternals.h>
#endif
