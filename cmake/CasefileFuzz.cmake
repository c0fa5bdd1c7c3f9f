# casefile_add_fuzzer(<name> SOURCES ... DEPS module... [CORPUS dir...])
#
# Builds fuzz/<name>: a libFuzzer target under clang (-fsanitize=fuzzer), or, under any other
# compiler, the same LLVMFuzzerTestOneInput linked with replay_main.cpp so it still compiles and
# can replay inputs. Each CORPUS folder (relative to the source tree) is replayed by a ctest
# labelled `fuzz`, so every crash kept there as a regression input is rerun on every build.
# libFuzzer steers by the coverage of the code under test, not only of the harness: under clang
# with the sanitizers (the `fuzz` preset), every casefile library gets coverage instrumentation.
# The sanitizer runtime that every executable then links supplies the coverage callbacks.
if(CMAKE_CXX_COMPILER_ID STREQUAL "Clang" AND CASEFILE_SANITIZE)
    target_compile_options(casefile_options INTERFACE -fsanitize=fuzzer-no-link)
endif()

function(casefile_add_fuzzer name)
    cmake_parse_arguments(ARG "" "" "SOURCES;DEPS;CORPUS" ${ARGN})
    add_executable(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE casefile_options)
    foreach(dep IN LISTS ARG_DEPS)
        target_link_libraries(${name} PRIVATE casefile::${dep})
    endforeach()
    if(CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
        target_compile_options(${name} PRIVATE -fsanitize=fuzzer)
        target_link_options(${name} PRIVATE -fsanitize=fuzzer)
    else()
        target_sources(${name} PRIVATE ${PROJECT_SOURCE_DIR}/fuzz/replay_main.cpp)
    endif()
    if(CASEFILE_BUILD_TESTS)
        set(dirs)
        foreach(dir IN LISTS ARG_CORPUS)
            list(APPEND dirs ${PROJECT_SOURCE_DIR}/${dir})
        endforeach()
        if(dirs)
            # libFuzzer runs each file once when given files/folders and -runs=0 is not needed;
            # replay_main does the same. Both exit non-zero on a crash.
            add_test(NAME fuzz_replay_${name} COMMAND ${name} ${dirs})
            set_tests_properties(fuzz_replay_${name} PROPERTIES LABELS fuzz)
        endif()
    endif()
endfunction()
