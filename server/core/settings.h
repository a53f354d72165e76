#pragma once

#include <QString>

namespace jl::server {

// Tunables of one server instance, from the command line. The test-only ones (marked) exist
// so that the suite runs in seconds; production keeps the defaults.
struct Settings {
    // OWASP's 2023 figure for PBKDF2-HMAC-SHA256. Test-only: lower.
    int passwordIterations = 600000;
    int accessTokenSeconds = 15 * 60;
    int refreshTokenSeconds = 30 * 24 * 3600;
    int authorizationCodeSeconds = 120;
    qint64 maxBodyBytes = 8 * 1024 * 1024;
    int pageSizeMax = 1000;
    int pageSizeDefault = 200;
    int batchMax = 500;
    // Per access token, token bucket; the burst is ten seconds' worth. 0 turns the limit
    // off (benchmarks).
    int rateLimitPerSecond = 50;
    int rateLimitBurst = 500;
    int idempotencyDays = 180;
    // A claim older than this is taken as abandoned (its instance died) and may be retaken.
    // Test-only: shorter (--test-in-flight-lease-seconds).
    int inFlightLeaseSeconds = 60;
    int workerThreads = 8;
    // Test-only: sleep this long inside each write transaction (at its first record write),
    // to widen the window in which concurrent transactions interleave.
    int testCommitDelayMs = 0;
    // Test-only demonstration (PostgreSQL): number changes from a plain sequence instead of
    // the per-enterprise counter row, which loses changes under concurrency (sync.md §1).
    bool testPlainSequence = false;
    // Test-only failpoint: writing an instrument with this serial number fails like a
    // database error would (to test how a batch stops on a server error).
    QString testFailSerial;
};

} // namespace jl::server
