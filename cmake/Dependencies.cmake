# Third-party code comes from Debian, never from this repository:
#   native: libcrypto++-dev, nlohmann-json3-dev, catch2 (system packages);
#   wasm:   Crypto++ 8.7 source from `apt-get source libcrypto++` (scripts/setup unpacks it),
#           compiled here with em++; nlohmann/json headers through a folder that holds only
#           nlohmann/ (Emscripten's sysroot must not see the rest of /usr/include).
# Both builds see the same two targets: casview::cryptopp and casview::json.

if(EMSCRIPTEN)
  set(CASVIEW_CRYPTOPP_SOURCE_DIR "${PROJECT_SOURCE_DIR}/build/deps/cryptopp"
      CACHE PATH "Unpacked Crypto++ source (scripts/setup puts it here)")
  set(CASVIEW_NLOHMANN_INCLUDE "/usr/include/nlohmann" CACHE PATH "nlohmann/json headers")
  if(NOT EXISTS "${CASVIEW_CRYPTOPP_SOURCE_DIR}/hmac.cpp")
    message(FATAL_ERROR "Crypto++ source not found in ${CASVIEW_CRYPTOPP_SOURCE_DIR}: run scripts/setup")
  endif()

  # Include folders that expose exactly <cryptopp/…> and <nlohmann/…>.
  set(deps_include "${CMAKE_BINARY_DIR}/deps-include")
  file(MAKE_DIRECTORY "${deps_include}")
  file(CREATE_LINK "${CASVIEW_CRYPTOPP_SOURCE_DIR}" "${deps_include}/cryptopp" SYMBOLIC)
  file(CREATE_LINK "${CASVIEW_NLOHMANN_INCLUDE}" "${deps_include}/nlohmann" SYMBOLIC)

  # Only what HMAC<SHA1> reaches; the whole library is ~200 files of dead code for us.
  set(cryptopp_sources allocate cpu cryptlib fips140 hmac iterhash misc sha sha_simd)
  list(TRANSFORM cryptopp_sources PREPEND "${CASVIEW_CRYPTOPP_SOURCE_DIR}/")
  list(TRANSFORM cryptopp_sources APPEND ".cpp")
  add_library(cryptopp_wasm STATIC ${cryptopp_sources})
  # No x86/ARM intrinsics in WASM; NDEBUG keeps Crypto++'s asserts out.
  target_compile_definitions(cryptopp_wasm PUBLIC CRYPTOPP_DISABLE_ASM NDEBUG)
  target_compile_options(cryptopp_wasm PRIVATE -w -O3)
  # The explicit template instantiations (AllocatorWithCleanup<byte>, …) normally come from
  # dll.cpp, which drags in every algorithm; hmac.cpp can host the ones we need instead.
  set_source_files_properties("${CASVIEW_CRYPTOPP_SOURCE_DIR}/hmac.cpp" PROPERTIES
                              COMPILE_DEFINITIONS CRYPTOPP_MANUALLY_INSTANTIATE_TEMPLATES)
  target_include_directories(cryptopp_wasm SYSTEM PUBLIC "${deps_include}")
  add_library(casview::cryptopp ALIAS cryptopp_wasm)

  add_library(casview_json INTERFACE)
  target_include_directories(casview_json SYSTEM INTERFACE "${deps_include}")
  add_library(casview::json ALIAS casview_json)
else()
  find_path(CRYPTOPP_INCLUDE_DIR cryptopp/hmac.h REQUIRED)
  find_library(CRYPTOPP_LIBRARY NAMES cryptopp crypto++ REQUIRED)
  add_library(casview_cryptopp INTERFACE)
  target_include_directories(casview_cryptopp SYSTEM INTERFACE "${CRYPTOPP_INCLUDE_DIR}")
  target_link_libraries(casview_cryptopp INTERFACE "${CRYPTOPP_LIBRARY}")
  add_library(casview::cryptopp ALIAS casview_cryptopp)

  find_package(nlohmann_json 3.10 REQUIRED)
  add_library(casview::json ALIAS nlohmann_json::nlohmann_json)
endif()
