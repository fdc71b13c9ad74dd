# Run by ctest after the tests doctest_discover_tests found (tests/CMakeLists.txt sets
# R2P_DOCTEST_SUITES to the suite executables). doctest_discover_tests cannot set these itself:
# the set_tests_properties line it writes ends in an empty LABELS, and ctest then drops every
# property of that line.

foreach(executable IN LISTS R2P_DOCTEST_SUITES)
    get_filename_component(target "${executable}" NAME)
    # Not built yet: doctest's include has registered its "NOT_BUILT" placeholder instead.
    if(NOT DEFINED ${target}_TESTS OR NOT EXISTS "${executable}")
        continue()
    endif()
    # 77 is r2p::test::kSkipExitCode (tests/skip.hpp).
    set_tests_properties(${${target}_TESTS} PROPERTIES SKIP_RETURN_CODE 77)

    # Cases allowed to skip (they need data that is not in the repository) sit in a doctest
    # suite named optional*; doctest itself lists them, so any test name works.
    execute_process(
        COMMAND "${executable}" --test-suite=optional* --list-test-cases
        OUTPUT_VARIABLE listing
        RESULT_VARIABLE result)
    if(NOT result EQUAL 0)
        message(WARNING "${executable} --list-test-cases failed (${result})")
        continue()
    endif()
    string(REPLACE "\n" ";" lines "${listing}")
    foreach(line IN LISTS lines)
        if(line STREQUAL "" OR line MATCHES "^===" OR line MATCHES "^\\[doctest\\] ")
            continue()
        endif()
        set_tests_properties("${line}" PROPERTIES LABELS optional)
    endforeach()
endforeach()
