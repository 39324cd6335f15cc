// The definitions behind CCurl.h: libcurl's functions looked up with dlopen/dlsym on first use.
#include "CCurl.h"
#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>
#include <string.h>

static struct {
    CURLcode (*global_init)(long flags);
    CURL *(*easy_init)(void);
    void (*easy_cleanup)(CURL *handle);
    CURLcode (*easy_perform)(CURL *handle);
    const char *(*easy_strerror)(CURLcode code);
    CURLcode (*easy_setopt)(CURL *handle, CURLoption option, ...);
    CURLcode (*easy_getinfo)(CURL *handle, CURLINFO info, ...);
    struct curl_slist *(*slist_append)(struct curl_slist *list, const char *text);
    void (*slist_free_all)(struct curl_slist *list);
} curl;

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static CURLcode load_result = CURLE_FAILED_INIT;
static const char *load_error = NULL;
/// dlerror's text lives in a buffer the next dl call may reuse: the first failure is copied.
static char load_error_text[512];

static void fail(void) {
    if (load_error != NULL) return;
    const char *message = dlerror();
    strncpy(load_error_text, message != NULL ? message : "unknown error", sizeof load_error_text - 1);
    load_error = load_error_text;
}

/// Looks up one symbol; on failure keeps dlerror's message and answers NULL.
static void *symbol(void *library, const char *name) {
    void *address = dlsym(library, name);
    if (address == NULL) fail();
    return address;
}

static void load(void) {
    // The soname of libcurl 7 and 8; the unversioned name exists only with the -dev package.
    void *library = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) library = dlopen("libcurl.so", RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) {
        fail();
        return;
    }
    curl.global_init = (CURLcode (*)(long))symbol(library, "curl_global_init");
    curl.easy_init = (CURL *(*)(void))symbol(library, "curl_easy_init");
    curl.easy_cleanup = (void (*)(CURL *))symbol(library, "curl_easy_cleanup");
    curl.easy_perform = (CURLcode (*)(CURL *))symbol(library, "curl_easy_perform");
    curl.easy_strerror = (const char *(*)(CURLcode))symbol(library, "curl_easy_strerror");
    curl.easy_setopt = (CURLcode (*)(CURL *, CURLoption, ...))symbol(library, "curl_easy_setopt");
    curl.easy_getinfo = (CURLcode (*)(CURL *, CURLINFO, ...))symbol(library, "curl_easy_getinfo");
    curl.slist_append = (struct curl_slist *(*)(struct curl_slist *, const char *))symbol(library, "curl_slist_append");
    curl.slist_free_all = (void (*)(struct curl_slist *))symbol(library, "curl_slist_free_all");
    if (load_error != NULL) return;
    load_result = curl.global_init(CURL_GLOBAL_DEFAULT);
}

CURLcode brief_curl_global_init(void) {
    pthread_once(&load_once, load);
    return load_result;
}

const char *brief_curl_load_error(void) { return load_error; }

// The functions below are called only after brief_curl_global_init answered CURLE_OK.
CURL *brief_curl_easy_init(void) { return curl.easy_init(); }
void brief_curl_easy_cleanup(CURL *handle) { curl.easy_cleanup(handle); }
CURLcode brief_curl_easy_perform(CURL *handle) { return curl.easy_perform(handle); }
const char *brief_curl_easy_strerror(CURLcode code) { return curl.easy_strerror(code); }

struct curl_slist *brief_curl_slist_append(struct curl_slist *list, const char *text) {
    return curl.slist_append(list, text);
}

void brief_curl_slist_free_all(struct curl_slist *list) { curl.slist_free_all(list); }

CURLcode brief_curl_set_long(CURL *handle, CURLoption option, long value) {
    return curl.easy_setopt(handle, option, value);
}

CURLcode brief_curl_set_offset(CURL *handle, CURLoption option, curl_off_t value) {
    return curl.easy_setopt(handle, option, value);
}

CURLcode brief_curl_set_string(CURL *handle, CURLoption option, const char *value) {
    return curl.easy_setopt(handle, option, value);
}

CURLcode brief_curl_set_pointer(CURL *handle, CURLoption option, const void *value) {
    return curl.easy_setopt(handle, option, value);
}

CURLcode brief_curl_set_data_function(CURL *handle, CURLoption option, curl_write_callback function) {
    return curl.easy_setopt(handle, option, function);
}

CURLcode brief_curl_set_progress_function(CURL *handle, curl_xferinfo_callback function) {
    return curl.easy_setopt(handle, CURLOPT_XFERINFOFUNCTION, function);
}

long brief_curl_response_code(CURL *handle) {
    long code = 0;
    curl.easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &code);
    return code;
}
