#ifndef BRIEF_CLIBXML2_SHIM_H
#define BRIEF_CLIBXML2_SHIM_H
// libxml2's HTML and XML parsers and tree API, for the HTML and feed readers.
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/parserInternals.h>
#endif
