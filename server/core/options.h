#pragma once

#include "server/core/settings.h"

#include <QHostAddress>
#include <QString>
#include <QStringList>

namespace jl::server {

// The command line: `jiliang-server [--listen ADDR:PORT] [--database URL] [--demo]
// [--demo-scale N] …` serves; `jiliang-server admin COMMAND …` runs one admin command and
// exits.
struct Options {
    QHostAddress address = QHostAddress(QHostAddress::LocalHost);
    quint16 port = 8080;
    QString database; // sqlite:PATH | postgresql://…
    bool demo = false;
    int demoScale = 0;
    bool printRoutes = false;
    Settings settings;
    QStringList adminArgs; // set: an admin command, its name first

    bool isAdmin() const { return !adminArgs.isEmpty(); }
    // Parses; on a usage error or --help prints to stderr/stdout and returns false with
    // `exitCode` set.
    static bool parse(const QStringList &arguments, Options *out, int *exitCode);
};

} // namespace jl::server
