#pragma once

#include <QCoreApplication>
#include <QStringList>

class QTextStream;

namespace jl::app {

// One sync with no window, for scripts and the crash harness (issue 4):
//   jiliang sync [--data-dir DIR] [--server URL] [--account USCC] [--confirm-mass-delete]
// The database is DIR/jiliang.sqlite, or the account's under DIR/accounts/USCC/. The access
// token comes from the environment variable JILIANG_ACCESS_TOKEN: a seam for tests and
// scripts until the keychain holds the account's tokens for this command too.
// Exit status: 0 synced; 1 failed or incomplete (the network, the server, the database);
// 2 the arguments make no sense; 3 log in again; 4 the server needs a newer program;
// 5 the server would delete many local records (run again with --confirm-mass-delete).
class SyncCommand final {
    Q_DECLARE_TR_FUNCTIONS(SyncCommand)

public:
    enum Exit { Ok = 0, Failed = 1, Usage = 2, NeedsLogin = 3, Upgrade = 4, MassDelete = 5 };

    // True when the first argument is "sync"; then run() does the whole job.
    static bool handles(int argc, char **argv);
    static int run(int argc, char **argv);
    // `arguments` without the program and the command word.
    static int run(const QStringList &arguments, QTextStream &out, QTextStream &err);
};

} // namespace jl::app
