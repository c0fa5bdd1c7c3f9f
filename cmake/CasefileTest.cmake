include(GoogleTest)

# casefile_add_test(<name> SOURCES ... [DEPS module...] [LIBS target...] [LABELS label...])
# One GoogleTest executable; each TEST becomes a ctest test carrying the labels (default: unit).
function(casefile_add_test name)
    cmake_parse_arguments(ARG "" "" "SOURCES;DEPS;LIBS;LABELS" ${ARGN})
    if(NOT ARG_LABELS)
        set(ARG_LABELS unit)
    endif()
    add_executable(${name} ${ARG_SOURCES})
    target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR}/src ${PROJECT_SOURCE_DIR}/tests)
    target_link_libraries(${name} PRIVATE casefile_options GTest::gtest GTest::gmock GTest::gtest_main
                                          ${ARG_LIBS})
    foreach(dep IN LISTS ARG_DEPS)
        target_link_libraries(${name} PRIVATE casefile::${dep})
    endforeach()
    target_compile_definitions(${name} PRIVATE
        CASEFILE_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
        CASEFILE_SHARED_DIR="${PROJECT_SOURCE_DIR}/../shared"
        CASEFILE_BINARY="$<TARGET_FILE:casefile>")
    set(environment "")
    if(CASEFILE_SANITIZE)
        # Child processes (the casefile binary) inherit it too.
        set(environment ENVIRONMENT "LSAN_OPTIONS=suppressions=${PROJECT_SOURCE_DIR}/tests/lsan.supp")
    endif()
    gtest_discover_tests(${name} PROPERTIES LABELS "${ARG_LABELS}" ${environment}
                         DISCOVERY_TIMEOUT 60)
endfunction()
