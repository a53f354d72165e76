#pragma once

#include <QString>

class QNetworkAccessManager;
class QSettings;

namespace jl::sync {

// How the API client reaches the server through a proxy (sync.md "Network"). By default the
// operating system's configuration, PAC scripts included where Qt reads them (Windows and
// macOS; on Linux the http_proxy/https_proxy/no_proxy variables); a manual proxy can be set.
// Stored in QSettings under network/ (no password: secrets never go to settings):
//   network/proxyMode  "system" (default) | "none" | "manual"
//   network/proxyType  "http" (default) | "socks5"
//   network/proxyHost  text
//   network/proxyPort  1–65535 (default 8080)
//   network/proxyUser  text, optional
struct ProxySettings {
    enum class Mode { System, None, Manual };
    enum class Type { Http, Socks5 };

    Mode mode = Mode::System;
    Type type = Type::Http;
    QString host;
    int port = 8080;
    QString user;
    // Never in the settings: in the OS keychain under secretKey() (the settings dialog writes
    // it, the session reads it when a manual proxy names a user).
    QString password;

    // The keychain entry of the manual proxy's password.
    static QString secretKey();

    // A manual proxy needs a host and a port; the other modes are always usable.
    bool isValid() const;

    static ProxySettings load(const QSettings &settings);
    void save(QSettings &settings) const;
    // Sets the manager's proxy (or proxy factory). An invalid manual setting falls back to
    // the system's configuration rather than to no proxy, which would fail behind a proxy.
    void applyTo(QNetworkAccessManager &nam) const;

    bool operator==(const ProxySettings &) const = default;
};

} // namespace jl::sync
