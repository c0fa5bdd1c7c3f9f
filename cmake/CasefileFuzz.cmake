# casefile_add_fuzzer(<name> SOURCES ... [DEPS module...] [DEFINES def...] [CORPUS dir...])
#
# A fuzz target: under clang a libFuzzer binary (-fsanitize=fuzzer; with the `fuzz` preset,
# cmake/Options.cmake instruments the libraries for coverage too), under other compilers the same
# LLVMFuzzerTestOneInput linked with fuzz/replay_main.cpp, which runs the files it is given.
# Either way a ctest `fuzz_replay_<name>` (label fuzz) replays every file under CORPUS.
function(casefile_add_fuzzer name)
    cmake_parse_arguments(ARG "" "" "SOURCES;DEPS;DEFINES;CORPUS" ${ARGN})
    if(CMAKE_CXX_COMPILER_ID MATCHES "Clang")
        add_executable(${name} ${ARG_SOURCES})
        target_compile_options(${name} PRIVATE -fsanitize=fuzzer)
        target_link_options(${name} PRIVATE -fsanitize=fuzzer)
        set(replay_args -runs=0)
    else()
        add_executable(${name} ${ARG_SOURCES} ${PROJECT_SOURCE_DIR}/fuzz/replay_main.cpp)
        set(replay_args)
    endif()
    target_link_libraries(${name} PRIVATE casefile_options)
    foreach(dep IN LISTS ARG_DEPS)
        target_link_libraries(${name} PRIVATE casefile::${dep})
    endforeach()
    if(ARG_DEFINES)
        target_compile_definitions(${name} PRIVATE ${ARG_DEFINES})
    endif()
    if(ARG_CORPUS AND CASEFILE_BUILD_TESTS)
        add_test(NAME fuzz_replay_${name} COMMAND ${name} ${replay_args} ${ARG_CORPUS})
        set_tests_properties(fuzz_replay_${name} PROPERTIES LABELS fuzz)
    endif()
endfunction()
