#pragma once

#include "models/common/result.h"
#include "models/domain/verificationrecord.h"

#include <QCoreApplication>
#include <QList>
#include <QSqlQuery>
#include <QString>

namespace jl::models {

class Database;

// Reads the verification records sync keeps in the local store (local_v2.sql). Read-only:
// the server makes and matches them; the client changes an instrument's serial instead,
// and the server re-matches when that change arrives (domain.md §3).
class VerificationRecordStore final {
    Q_DECLARE_TR_FUNCTIONS(VerificationRecordStore)

public:
    explicit VerificationRecordStore(Database &db);

    Result<VerificationRecord> get(const QString &id) const;
    // Unmatched: no instrument id and not deleted.
    Result<int> countUnmatched() const;

    // The record columns in the order fromQuery() reads them (the wire JSON last).
    static QString columns();
    static VerificationRecord fromQuery(const QSqlQuery &query);
    // The unmatched test as SQL over verification_record.
    static QString unmatchedSql();

private:
    Database &m_db;
};

} // namespace jl::models
