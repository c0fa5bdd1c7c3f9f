# casefile_add_fuzzer(<name> SOURCES ... [DEPS module...] [LIBS target...] [CORPUS dir...])
#
# Builds <name>_fuzz in build/<preset>/fuzz/. Under clang it is a libFuzzer binary
# (-fsanitize=fuzzer); under other compilers fuzz/replay_main.cpp supplies main(), which runs
# every file (or every file under every directory) named on the command line through
# LLVMFuzzerTestOneInput, so the corpus is replayed by every build (simdjson, Zeek). With tests
# enabled, ctest runs that replay over the CORPUS directories under the label "fuzz".
if(CMAKE_CXX_COMPILER_ID MATCHES "Clang" AND CASEFILE_SANITIZE)
    # libFuzzer only learns from code built with coverage, so instrument every casefile target;
    # the sanitizer runtime provides the coverage callbacks for the binaries that are no fuzzers.
    target_compile_options(casefile_options INTERFACE -fsanitize=fuzzer-no-link)
endif()

function(casefile_add_fuzzer name)
    cmake_parse_arguments(ARG "" "" "SOURCES;DEPS;LIBS;CORPUS" ${ARGN})
    set(target ${name}_fuzz)
    add_executable(${target} ${ARG_SOURCES})
    set_target_properties(${target} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/fuzz)
    target_include_directories(${target} PRIVATE ${PROJECT_SOURCE_DIR}/src)
    target_link_libraries(${target} PRIVATE casefile_options ${ARG_LIBS})
    foreach(dep IN LISTS ARG_DEPS)
        target_link_libraries(${target} PRIVATE casefile::${dep})
    endforeach()
    if(CMAKE_CXX_COMPILER_ID MATCHES "Clang")
        target_compile_options(${target} PRIVATE -fsanitize=fuzzer)
        target_link_options(${target} PRIVATE -fsanitize=fuzzer)
        set(replay_args -runs=0)
    else()
        target_sources(${target} PRIVATE ${PROJECT_SOURCE_DIR}/fuzz/replay_main.cpp)
        set(replay_args)
    endif()
    if(CASEFILE_BUILD_TESTS AND ARG_CORPUS)
        set(corpus)
        foreach(dir IN LISTS ARG_CORPUS)
            list(APPEND corpus ${PROJECT_SOURCE_DIR}/${dir})
        endforeach()
        add_test(NAME fuzz.${name} COMMAND ${target} ${replay_args} ${corpus})
        set_tests_properties(fuzz.${name} PROPERTIES LABELS fuzz TIMEOUT 300)
    endif()
endfunction()
