// Declares the one function the host provides, so emcc imports it from "env".
mergeInto(LibraryManager.library, { read_source: () => {} });
