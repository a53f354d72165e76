#pragma once

namespace jl::server {

class ConnectionPool;
class ServerState;
struct Settings;

// What endpoint groups share. Owned by Server, which outlives them.
struct Services {
    ConnectionPool &db;
    ServerState &state;
    const Settings &settings;
};

} // namespace jl::server
