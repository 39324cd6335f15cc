#ifndef BRIEF_CCURL_SHIM_H
#define BRIEF_CCURL_SHIM_H
// libcurl's easy interface, for the feed fetcher.
//
// Swift cannot call C variadic functions, so curl_easy_setopt and curl_easy_getinfo are
// wrapped once per argument type. The type-checking macros are off: they would reject the
// one generic wrapper per type that these functions are.
#define CURL_DISABLE_TYPECHECK 1
#include <curl/curl.h>

static inline CURLcode brief_curl_global_init(void) { return curl_global_init(CURL_GLOBAL_DEFAULT); }

static inline CURLcode brief_curl_set_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode brief_curl_set_offset(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}

/// Strings: libcurl keeps its own copy.
static inline CURLcode brief_curl_set_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

/// Header lists, buffers and callback data.
static inline CURLcode brief_curl_set_pointer(CURL *handle, CURLoption option, const void *value) {
    return curl_easy_setopt(handle, option, value);
}

/// CURLOPT_WRITEFUNCTION and CURLOPT_HEADERFUNCTION.
static inline CURLcode brief_curl_set_data_function(CURL *handle, CURLoption option, curl_write_callback function) {
    return curl_easy_setopt(handle, option, function);
}

static inline CURLcode brief_curl_set_progress_function(CURL *handle, curl_xferinfo_callback function) {
    return curl_easy_setopt(handle, CURLOPT_XFERINFOFUNCTION, function);
}

static inline long brief_curl_response_code(CURL *handle) {
    long code = 0;
    curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &code);
    return code;
}
#endif
