// Emscripten 3.1.6's emscripten_fetch_close() forgets an in-flight XMLHttpRequest without
// aborting it: the request goes on, and its completion writes into freed memory. Abort first.
mergeInto(LibraryManager.library, {
  casview_fetch_abort__deps: ['$Fetch'],
  casview_fetch_abort: function (id) {
    var xhr = Fetch.xhrs[id - 1];
    if (xhr && xhr.readyState > 0 && xhr.readyState < 4) {
      xhr.onload = xhr.onerror = xhr.ontimeout = xhr.onprogress = xhr.onreadystatechange = null;
      xhr.abort();
    }
  },
});
