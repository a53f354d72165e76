#pragma once

namespace jl::server {

// Makes SIGTERM/SIGINT (Ctrl+C, a service manager's stop) quit the event loop, so the
// server shuts down through QCoreApplication::quit(): workers finish, connections close.
void quitOnTerminationSignals();

} // namespace jl::server
