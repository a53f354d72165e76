#pragma once

#include "server/core/options.h"

namespace jl::server {

class Server;

// `jiliang-server [--database URL] admin COMMAND …`: the regulator's and institutions' side
// from a shell. Each command prints one JSON object on stdout (so scripts and tests can read
// it) or a message on stderr, and returns the exit code.
class AdminCli final {
public:
    static int run(Server &server, const Options &options);
};

} // namespace jl::server
