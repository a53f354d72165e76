# Helpers shared by every layer. A layer's sources are found by globbing its folder, so
# adding a file never means editing a list (and parallel work never conflicts on one).

function(jiliang_warnings target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow
                                             -Wnon-virtual-dtor -Wcast-align -Woverloaded-virtual
                                             -Wimplicit-fallthrough)
    if(JILIANG_WERROR)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
endfunction()

# jiliang_layer(NAME <lib> DIR <folder> LIBS <deps...>)
function(jiliang_layer)
    cmake_parse_arguments(L "" "NAME;DIR" "LIBS" ${ARGN})
    file(GLOB_RECURSE srcs CONFIGURE_DEPENDS "${L_DIR}/*.cpp" "${L_DIR}/*.h")
    list(FILTER srcs EXCLUDE REGEX "/main\\.cpp$")
    list(FILTER srcs INCLUDE REGEX "\\.(cpp|h)$")
    set(cpps ${srcs})
    list(FILTER cpps INCLUDE REGEX "\\.cpp$")
    if(NOT cpps)
        # A layer that has no code yet (io, sync before their issues) is an interface target,
        # so that the layering is already in place for those who link it.
        add_library(${L_NAME} INTERFACE)
        target_include_directories(${L_NAME} INTERFACE "${PROJECT_SOURCE_DIR}")
        target_link_libraries(${L_NAME} INTERFACE ${L_LIBS})
        return()
    endif()
    add_library(${L_NAME} STATIC ${srcs})
    target_include_directories(${L_NAME} PUBLIC "${PROJECT_SOURCE_DIR}")
    target_link_libraries(${L_NAME} PUBLIC ${L_LIBS})
    jiliang_warnings(${L_NAME})
endfunction()
