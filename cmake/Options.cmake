# Build options in one place (osquery's cmake/options.cmake pattern).
option(CASEFILE_BUILD_TESTS "Build the GoogleTest suites" ${CASEFILE_IS_TOP})
option(CASEFILE_BUILD_FUZZERS "Build fuzz targets (libFuzzer under clang, corpus replay otherwise)" ${CASEFILE_IS_TOP})
option(CASEFILE_BUILD_BENCH "Build the benchmarks in bench/" ${CASEFILE_IS_TOP})
option(CASEFILE_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
option(CASEFILE_WERROR "Treat compiler warnings as errors" ON)
option(CASEFILE_FUZZ_COVERAGE "Instrument all code for libFuzzer coverage (clang, preset fuzz)" OFF)

if(NOT CMAKE_BUILD_TYPE AND NOT CMAKE_CONFIGURATION_TYPES)
    set(CMAKE_BUILD_TYPE RelWithDebInfo CACHE STRING "Build type" FORCE)
endif()

find_program(CASEFILE_CCACHE ccache)
if(CASEFILE_CCACHE)
    # Paths relative to the checkout in the cache key, so a fresh clone elsewhere (as CI makes)
    # still hits the cache its predecessors filled.
    set(launcher ${CMAKE_COMMAND} -E env CCACHE_BASEDIR=${PROJECT_SOURCE_DIR} CCACHE_NOHASHDIR=1
                 ${CASEFILE_CCACHE})
    set(CMAKE_CXX_COMPILER_LAUNCHER ${launcher})
    set(CMAKE_C_COMPILER_LAUNCHER ${launcher})
endif()

# Every casefile target links this: language level, warnings, sanitizers.
add_library(casefile_options INTERFACE)
target_compile_features(casefile_options INTERFACE cxx_std_20)
target_compile_options(casefile_options INTERFACE -Wall -Wextra -Wpedantic)
if(CASEFILE_WERROR)
    target_compile_options(casefile_options INTERFACE -Werror)
    if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13
       AND CMAKE_BUILD_TYPE STREQUAL "Release")
        # GCC 12 at -O3 reports impossible overlaps inside libstdc++'s own string insert
        # (GCC bug 105329, fixed in 13); keep it a warning so the release preset builds.
        target_compile_options(casefile_options INTERFACE -Wno-error=restrict)
    endif()
endif()
if(CASEFILE_FUZZ_COVERAGE AND CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    # Coverage feedback must come from the libraries, not only from the fuzz target's own file.
    target_compile_options(casefile_options INTERFACE -fsanitize=fuzzer-no-link)
endif()
if(CASEFILE_SANITIZE)
    target_compile_options(casefile_options INTERFACE
        -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
    target_link_options(casefile_options INTERFACE -fsanitize=address,undefined)
    if(CASEFILE_BUILD_FUZZERS AND CMAKE_CXX_COMPILER_ID MATCHES "Clang")
        # libFuzzer learns only from code built with coverage, so instrument every casefile
        # target, not just the fuzz targets' own files; the sanitizer runtime provides the
        # coverage callbacks for the binaries that are not fuzzers.
        target_compile_options(casefile_options INTERFACE -fsanitize=fuzzer-no-link)
    endif()
endif()
