// libcurl's easy interface for the feed fetcher, loaded on first use.
//
// libcurl pulls in some 30 shared libraries (TLS, Kerberos, LDAP, IDN, HTTP/2...). Linked at
// build time, every process paid for mapping and relocating them, ~6 ms of each start, though
// only fetching feeds uses them. shim.c opens libcurl with dlopen the first time a transfer
// starts, so `brief show` and `brief --help` never load it. Only the header's types and
// constants are used here: nothing links against libcurl itself.
//
// Swift cannot call C variadic functions, so curl_easy_setopt and curl_easy_getinfo are
// wrapped once per argument type. The type-checking macros are off: they would reject the
// one generic wrapper per type that these functions are.
#ifndef BRIEF_CCURL_H
#define BRIEF_CCURL_H
#define CURL_DISABLE_TYPECHECK 1
#include <curl/curl.h>

/// Loads libcurl (once, thread-safely) and runs curl_global_init. CURLE_FAILED_INIT when the
/// library cannot be loaded; `brief_curl_load_error` then says why.
CURLcode brief_curl_global_init(void);
/// dlopen's message when libcurl could not be loaded, or NULL.
const char *brief_curl_load_error(void);

CURL *brief_curl_easy_init(void);
void brief_curl_easy_cleanup(CURL *handle);
CURLcode brief_curl_easy_perform(CURL *handle);
const char *brief_curl_easy_strerror(CURLcode code);
struct curl_slist *brief_curl_slist_append(struct curl_slist *list, const char *text);
void brief_curl_slist_free_all(struct curl_slist *list);

CURLcode brief_curl_set_long(CURL *handle, CURLoption option, long value);
CURLcode brief_curl_set_offset(CURL *handle, CURLoption option, curl_off_t value);
/// Strings: libcurl keeps its own copy.
CURLcode brief_curl_set_string(CURL *handle, CURLoption option, const char *value);
/// Header lists, buffers and callback data: the caller keeps them alive.
CURLcode brief_curl_set_pointer(CURL *handle, CURLoption option, const void *value);
/// CURLOPT_WRITEFUNCTION and CURLOPT_HEADERFUNCTION.
CURLcode brief_curl_set_data_function(CURL *handle, CURLoption option, curl_write_callback function);
CURLcode brief_curl_set_progress_function(CURL *handle, curl_xferinfo_callback function);
long brief_curl_response_code(CURL *handle);
#endif
