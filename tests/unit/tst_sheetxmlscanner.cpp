// The byte scanner of worksheet XML (io/sheet/sheetxmlscanner.h) and the reader's two sheet
// passes. The scanner must read what QXmlStreamReader reads and refuse what it refuses, so
// most cases run both on the same bytes and compare; every case also runs with tiny chunk
// sizes, so that each token is split across reads at every position.
#include "io/sheet/sheetxmlscanner.h"
#include "io/sheet/xlsxparts.h"
#include "io/sheet/xlsxreader.h"

#include <quazip.h>
#include <quazipfile.h>
#include <quazipnewinfo.h>

#include <QBuffer>
#include <QStringDecoder>
#include <QStringEncoder>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace jl::io;
using namespace jl::io::xlsx;
using jl::models::Status;
using Token = SheetXmlScanner::Token;

namespace {

const QList<qsizetype> ChunkSizes{1, 2, 3, 5, 8, 13, SheetXmlScanner::DefaultChunkSize};

// Elements whose text the traces read (as the reader reads <v> and <t>).
bool textElement(QByteArrayView name)
{
    return name == "v" || name == "t";
}

const QList<QByteArray> TracedAttributes{"r", "t", "s", "x:r", "b"};

// Every tag, the traced attributes and the text of <v>/<t>, then END, ERROR or DTD.
QString trace(const QByteArray &xml, qsizetype chunk)
{
    QBuffer buffer;
    buffer.setData(xml);
    buffer.open(QIODevice::ReadOnly);
    SheetXmlScanner scanner(buffer, chunk);
    QStringList out;
    while (true) {
        const Token token = scanner.next();
        if (token == Token::StartElement) {
            QString item = QLatin1Char('<') + QString::fromUtf8(scanner.name());
            for (const QByteArray &a : TracedAttributes) {
                if (!scanner.attribute(a).isEmpty())
                    item += QLatin1Char(' ') + QString::fromLatin1(a) + QLatin1Char('=') +
                            QString::fromUtf8(scanner.attribute(a));
            }
            if (textElement(scanner.name())) {
                const auto text = scanner.readElementText();
                if (!text) {
                    out << QStringLiteral("ERROR");
                    break;
                }
                item += QLatin1Char('[') + QString::fromUtf8(*text) + QLatin1Char(']');
            }
            out << item;
        } else if (token == Token::EndElement) {
            out << QLatin1Char('/') + QString::fromUtf8(scanner.name());
        } else if (token == Token::EndDocument) {
            out << QStringLiteral("END");
            break;
        } else {
            out << (scanner.dtdFound() ? QStringLiteral("DTD") : QStringLiteral("ERROR"));
            break;
        }
    }
    return out.join(QLatin1Char(' '));
}

// The same trace by QXmlStreamReader.
QString qtTrace(const QByteArray &xml)
{
    QXmlStreamReader reader(xml);
    QStringList out;
    while (!reader.atEnd()) {
        const auto token = reader.readNext();
        if (token == QXmlStreamReader::DTD) {
            out << QStringLiteral("DTD");
            return out.join(QLatin1Char(' '));
        }
        if (token == QXmlStreamReader::StartElement) {
            QString item = QLatin1Char('<') + reader.name().toString();
            for (const QByteArray &a : TracedAttributes) {
                const auto v = reader.attributes().value(QLatin1String(a));
                if (!v.isEmpty())
                    item +=
                        QLatin1Char(' ') + QString::fromLatin1(a) + QLatin1Char('=') + v.toString();
            }
            if (textElement(reader.name().toUtf8())) {
                const QString text = reader.readElementText();
                if (reader.hasError())
                    break;
                item += QLatin1Char('[') + text + QLatin1Char(']');
            }
            out << item;
        } else if (token == QXmlStreamReader::EndElement) {
            out << QLatin1Char('/') + reader.name().toString();
        }
    }
    out << (reader.hasError() ? QStringLiteral("ERROR") : QStringLiteral("END"));
    return out.join(QLatin1Char(' '));
}

// A minimal package around one sheet (and shared strings when given). QuaZip may write zips
// here: this test makes no libxlsxwriter call, so the zipOpen clash that
// io/writer/xlsxzipbinding.cpp settles for the program does not arise.
QString writePackage(const QString &path, const QByteArray &sheet, const QByteArray &strings = {})
{
    QuaZip zip(path);
    if (!zip.open(QuaZip::mdCreate))
        return QStringLiteral("cannot create");
    const auto add = [&zip](const QString &name, const QByteArray &bytes) {
        QuaZipFile file(&zip);
        if (!file.open(QIODevice::WriteOnly, QuaZipNewInfo(name)))
            return false;
        file.write(bytes);
        file.close();
        return file.getZipError() == 0;
    };
    QByteArray rels = "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats."
                      "org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://"
                      "x/worksheet\" Target=\"worksheets/sheet1.xml\"/>";
    if (!strings.isEmpty())
        rels += "<Relationship Id=\"rId2\" Type=\"http://x/sharedStrings\" "
                "Target=\"sharedStrings.xml\"/>";
    rels += "</Relationships>";
    const bool ok =
        add(QStringLiteral("xl/workbook.xml"),
            "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/"
            "spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/"
            "officeDocument/2006/relationships\"><sheets><sheet name=\"S\" sheetId=\"1\" "
            "r:id=\"rId1\"/></sheets></workbook>") &&
        add(QStringLiteral("xl/_rels/workbook.xml.rels"), rels) &&
        add(QStringLiteral("xl/worksheets/sheet1.xml"), sheet) &&
        (strings.isEmpty() || add(QStringLiteral("xl/sharedStrings.xml"), strings));
    zip.close();
    return ok ? QString() : QStringLiteral("cannot write");
}

struct SheetResult {
    Status status;
    QStringList rows;
};

// Every row and cell as one line each, so that two reads compare in one QCOMPARE.
SheetResult readSheet(const QString &path)
{
    SheetResult result;
    result.status =
        XlsxReader::read(path,
                         [&result](const SheetRow &row) -> Status {
                             QString line = QStringLiteral("row %1:").arg(row.number);
                             for (qsizetype c = 0; c < row.cells.size(); ++c) {
                                 const Cell &cell = row.cells.at(c);
                                 line += QStringLiteral(" %1:%2[%3]%4/%5/%6")
                                             .arg(c)
                                             .arg(int(cell.kind))
                                             .arg(cell.text)
                                             .arg(cell.number, 0, 'g', 17)
                                             .arg(cell.date.toString(Qt::ISODate), cell.format);
                             }
                             result.rows << line;
                             return {};
                         },
                         {});
    return result;
}

QByteArray toUtf16(const QByteArray &utf8)
{
    QStringEncoder encoder(QStringEncoder::Utf16LE, QStringEncoder::Flag::WriteBom);
    QString text = QString::fromUtf8(utf8);
    text.replace(QStringLiteral("encoding=\"UTF-8\""), QStringLiteral("encoding=\"UTF-16\""));
    return encoder.encode(text);
}

// A sheet with what the scanner must read like QXmlStreamReader: prefixes, rows and cells
// without r=, self-closing rows and cells, every t=, rich text with phonetic runs, formulas,
// comments and processing instructions, CDATA, references, CR LF, unknown elements.
const QByteArray FeatureSheet =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n"
    "<!-- made by hand -->\r\n"
    "<x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
    "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\">"
    "<x:dimension ref='A1:D9'/><x:sheetData>\r\n"
    "<x:row r=\"1\" spans=\"1:4\"><x:c r=\"A1\" t=\"s\"><x:v>1</x:v></x:c>"
    "<x:c r = 'B1' t = \"inlineStr\"><x:is><x:r><x:rPr><x:b/></x:rPr><x:t xml:space="
    "\"preserve\"> 燃油 </x:t></x:r><x:r><x:t>加油机</x:t></x:r><x:rPh sb=\"0\" eb=\"1\">"
    "<x:t>ran</x:t></x:rPh></x:is></x:c><x:c r=\"C1\" s=\"0\"/></x:row>\r\n"
    "<x:row><x:c><x:v>123</x:v></x:c><x:c><x:f>6*2</x:f><x:v>12</x:v></x:c>"
    "<x:c t=\"str\"><x:f>A1</x:f><x:v>电子秤</x:v></x:c><x:c t=\"e\"><x:v>#N/A</x:v></x:c>"
    "</x:row>\r\n"
    "<x:row r=\"4\"/><x:row r=\"5\"><x:c r=\"B5\" t=\"b\"><x:v>1</x:v></x:c><x:c t=\"b\">"
    "<x:v>0</x:v></x:c><x:c t=\"d\"><x:v>2024-02-29T00:00:00</x:v></x:c>"
    "<x:c t=\"n\"><x:v>1.5e3</x:v></x:c><x:c><x:v> 42 </x:v></x:c></x:row>"
    "<?some-pi data?><x:row r=\"7\"><!-- a comment --><x:c r=\"A7\" t=\"inlineStr\"><x:is>"
    "<x:t>a&amp;b &lt;c&gt; &#x4E2D;&#25991; &quot;q&apos;\r\nline\rend</x:t></x:is></x:c>"
    "<x:c r=\"B7\" t=\"str\"><x:v><![CDATA[<raw> & \r\n]]>tail</x:v></x:c>"
    "<x:c r=\"C7\" t=\"inlineStr\"><x:is><x:t>😀 ４</x:t></x:is></x:c>"
    "<x:c r=\"D7\" t=\"str\"><x:v>0012</x:v></x:c><x:c r=\"E7\"><x:v>00123456789012345678</x:v>"
    "</x:c></x:row>"
    "<x:row r=\"9\"><x:c r=\"a9\" t=\"s\"><x:v>0</x:v></x:c><x:unknown><x:c r=\"C9\">"
    "<x:v>3</x:v></x:c></x:unknown><x:c r=\"D9\" t=\"inlineStr\"><x:is><x:r><x:r><x:t>n"
    "</x:t></x:r></x:r></x:is></x:c><x:c r=\"E9\" t=\"s\"><x:v>2</x:v></x:c>"
    "<x:c r=\"F9\" t=\"s\"><x:v>3</x:v></x:c></x:row>"
    "</x:sheetData><x:extLst><x:ext uri=\"{x}\"><mc:AlternateContent/></x:ext></x:extLst>"
    "</x:worksheet>\r\n<!-- after -->";

const QByteArray FeatureStrings =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/"
    "spreadsheetml/2006/main\"><si><t>首</t></si><si><r><t>出厂</t></r><r><t>编号</t></r>"
    "<rPh sb=\"0\" eb=\"2\"><t>chu</t></rPh></si><!-- c --><si><t>a&amp;b\r\nc</t></si>"
    "<si><t/></si></sst>";

} // namespace

class TestSheetXmlScanner : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void sameAsQXmlStreamReader_data();
    void sameAsQXmlStreamReader();
    void refusedLikeQXmlStreamReader_data();
    void refusedLikeQXmlStreamReader();
    void decodesTextAndAttributes();
    void doctypeIsRefused();
    void longTokensAcrossChunks();
    void readElementTextRefusesChildren();
    void encodingDecidesThePath();
    void sheetReadsLikeTheFallback();
    void sheetRefusals_data();
    void sheetRefusals();
    void budgetPaysForBothReadsOfTheSheet();
};

void TestSheetXmlScanner::sameAsQXmlStreamReader_data()
{
    QTest::addColumn<QByteArray>("xml");
    QTest::newRow("sheet") << FeatureSheet;
    QTest::newRow("strings") << FeatureStrings;
    QTest::newRow("bom") << QByteArray("\xEF\xBB\xBF<a><t>x</t></a>");
    QTest::newRow("declaration and space")
        << QByteArray("<?xml version = '1.0' encoding = \"UTF-8\" ?>\n\n<a/>\n");
    QTest::newRow("full declaration")
        << QByteArray("<?xml version='1.0' encoding='UTF-8'  standalone='no'    ?>  <a/>");
    QTest::newRow("pi names") << QByteArray("<a><?xml-stylesheet x?><?xmlfoo?><!--->--></a>");
    QTest::newRow("self-closing") << QByteArray("<a><b/><c r='1' /><d\tt=\"s\"\n/></a>");
    QTest::newRow("empty texts") << QByteArray("<a><v></v><v/><t><!--x--></t></a>");
    QTest::newRow("end tag space") << QByteArray("<a><b></b ></a\n>");
    QTest::newRow("quotes in values") << QByteArray("<a r='say \"hi\"' t=\"it's\" s='>'/>");
    QTest::newRow("attribute references")
        << QByteArray("<a r='&lt;&#65;&#x42;&amp;' t='x\r\ny\tz\nw' s='&#10;&#13;&#9;'/>");
    QTest::newRow("text references")
        << QByteArray("<a><t>&lt;&gt;&amp;&apos;&quot;&#0065;&#x1F600;&#xe000;</t></a>");
    QTest::newRow("line ends") << QByteArray(
        "<a><t>1\r\n2\r3\n4\r\r\n5&#13;\n6\r</t><v><![CDATA[\r\n\r]]></v></a>");
    QTest::newRow("cdata") << QByteArray(
        "<a><t>x<![CDATA[<b>&amp;]]]]><![CDATA[>]]>y</t><b><![CDATA[]]></b></a>");
    QTest::newRow("comments and pis")
        << QByteArray("<!--c--><?p?><a><!----><?q x?><t>a<!--y-->b<?pi z?>c</t></a><?r?>"
                      "<!-- - -->");
    QTest::newRow("prefixes") << QByteArray(
        "<p:a xmlns:p='u' xmlns:x='v'><p:b x:r='1'><q:c xmlns:q='w'/></p:b>"
        "<p:b xml:space='preserve'/></p:a>");
    QTest::newRow("redeclared prefix")
        << QByteArray("<a xmlns:p='u'><p:b xmlns:p='v'><p:c/></p:b><p:d/></a>");
    QTest::newRow("multibyte") << QByteArray(
        "<表 r='甲乙'><t>中文 ÿ 𝄞 \xEF\xBF\xBD</t><名字/></表>");
    QTest::newRow("del character") << QByteArray("<a><t>\x7F</t></a>");
    QTest::newRow("bracket in text") << QByteArray("<a><t>] ]] ]>]</t></a>");
    QTest::newRow("names") << QByteArray("<_a-b.c><B9 d-e='1'/></_a-b.c>");
    QTest::newRow("long text") << "<a><t>" + QByteArray(100000, 'x') + "</t></a>";
}

void TestSheetXmlScanner::sameAsQXmlStreamReader()
{
    QFETCH(QByteArray, xml);
    const QString expected = qtTrace(xml);
    QVERIFY2(expected.endsWith(QLatin1String("END")), qPrintable(expected));
    for (const qsizetype chunk : ChunkSizes)
        QCOMPARE(trace(xml, chunk), expected);
}

void TestSheetXmlScanner::refusedLikeQXmlStreamReader_data()
{
    QTest::addColumn<QByteArray>("xml");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("only space") << QByteArray(" \n");
    QTest::newRow("truncated") << QByteArray("<a><b>x</b>");
    QTest::newRow("truncated tag") << QByteArray("<a>x</a");
    QTest::newRow("truncated attribute") << QByteArray("<a b='x");
    QTest::newRow("truncated comment") << QByteArray("<a/><!-- x");
    QTest::newRow("mismatch") << QByteArray("<a><b>x</c></a>");
    QTest::newRow("prefix mismatch") << QByteArray("<a xmlns:p='u'><p:b></b></a>");
    QTest::newRow("end without start") << QByteArray("</a>");
    QTest::newRow("two roots") << QByteArray("<a/><b/>");
    QTest::newRow("text before root") << QByteArray("x<a/>");
    QTest::newRow("text after root") << QByteArray("<a/>x");
    QTest::newRow("reference after root") << QByteArray("<a/>&amp;");
    QTest::newRow("undeclared entity") << QByteArray("<a><t>&nbsp;</t></a>");
    QTest::newRow("unterminated entity") << QByteArray("<a><t>&amp x</t></a>");
    QTest::newRow("bare ampersand") << QByteArray("<a><t>a & b</t></a>");
    QTest::newRow("empty char ref") << QByteArray("<a><t>&#;</t></a>");
    QTest::newRow("upper X char ref") << QByteArray("<a><t>&#X41;</t></a>");
    QTest::newRow("char ref 0") << QByteArray("<a><t>&#0;</t></a>");
    QTest::newRow("char ref surrogate") << QByteArray("<a><t>&#xD800;</t></a>");
    QTest::newRow("char ref too big") << QByteArray("<a><t>&#x110000;</t></a>");
    QTest::newRow("char ref FFFE") << QByteArray("<a><t>&#xFFFE;</t></a>");
    QTest::newRow("entity in attribute") << QByteArray("<a b='&foo;'/>");
    QTest::newRow("invalid utf-8") << QByteArray("<a><t>x\xFFy</t></a>");
    QTest::newRow("overlong utf-8") << QByteArray("<a><t>\xC0\xAF</t></a>");
    QTest::newRow("utf-8 surrogate") << QByteArray("<a><t>\xED\xA0\x80</t></a>");
    QTest::newRow("cut utf-8") << QByteArray("<a><t>\xE4\xB8</t></a>");
    QTest::newRow("utf-8 FFFF") << QByteArray("<a><t>\xEF\xBF\xBF</t></a>");
    QTest::newRow("invalid utf-8 in name") << QByteArray("<a\xFF/>");
    QTest::newRow("invalid utf-8 in attribute") << QByteArray("<a b='\xFF'/>");
    QTest::newRow("invalid utf-8 in comment") << QByteArray("<a><!-- \xFF --></a>");
    QTest::newRow("control character") << QByteArray("<a><t>x\x01y</t></a>");
    QTest::newRow("nul") << QByteArray("<a><t>x\0y</t></a>", 15);
    QTest::newRow("control in attribute") << QByteArray("<a b='\x02'/>");
    QTest::newRow("cdata end in text") << QByteArray("<a><t>x]]>y</t></a>");
    QTest::newRow("cdata outside root") << QByteArray("<![CDATA[x]]><a/>");
    QTest::newRow("undeclared prefix") << QByteArray("<x:a/>");
    QTest::newRow("undeclared attribute prefix") << QByteArray("<a x:b='1'/>");
    QTest::newRow("prefix out of scope") << QByteArray("<a><b xmlns:p='u'/><p:c/></a>");
    QTest::newRow("duplicate attribute") << QByteArray("<a b='1' b='2'/>");
    QTest::newRow("lt in attribute") << QByteArray("<a b='<'/>");
    QTest::newRow("unquoted attribute") << QByteArray("<a b=1/>");
    QTest::newRow("attribute without value") << QByteArray("<a b/>");
    QTest::newRow("attributes without space") << QByteArray("<a b='1'c='2'/>");
    QTest::newRow("space before name") << QByteArray("< a/>");
    QTest::newRow("digit name") << QByteArray("<1a/>");
    QTest::newRow("two colons") << QByteArray("<a:b:c xmlns:a='u'/>");
    QTest::newRow("slash without gt") << QByteArray("<a/ >");
    QTest::newRow("double dash in comment") << QByteArray("<a><!-- x -- y --></a>");
    QTest::newRow("declaration without version") << QByteArray("<?xml encoding='UTF-8'?><a/>");
    QTest::newRow("declaration version 1.1") << QByteArray("<?xml version='1.1'?><a/>");
    QTest::newRow("declaration unknown") << QByteArray("<?xml version='1.0' foo='x'?><a/>");
    QTest::newRow("declaration order")
        << QByteArray("<?xml version='1.0' standalone='yes' encoding='UTF-8'?><a/>");
    QTest::newRow("declaration standalone")
        << QByteArray("<?xml version='1.0' standalone='maybe'?><a/>");
    QTest::newRow("declaration no space")
        << QByteArray("<?xml version='1.0'encoding='UTF-8'?><a/>");
    QTest::newRow("declaration upper case") << QByteArray("<?XML version='1.0'?><a/>");
    QTest::newRow("pi with colon") << QByteArray("<a><?x:y z?></a>");
    QTest::newRow("multiplication sign in a name") << QByteArray("<a\xC3\x97/>");
    QTest::newRow("pi without space") << QByteArray("<a><?x?y ?></a>");
    QTest::newRow("late declaration") << QByteArray(" <?xml version='1.0'?><a/>");
    QTest::newRow("declaration inside") << QByteArray("<a><?xml version='1.0'?></a>");
    QTest::newRow("unknown bang") << QByteArray("<a><!foo></a>");
}

void TestSheetXmlScanner::refusedLikeQXmlStreamReader()
{
    QFETCH(QByteArray, xml);
    QVERIFY2(qtTrace(xml).endsWith(QLatin1String("ERROR")), qPrintable(qtTrace(xml)));
    for (const qsizetype chunk : ChunkSizes) {
        const QString t = trace(xml, chunk);
        QVERIFY2(t.endsWith(QLatin1String("ERROR")), qPrintable(QString::number(chunk) + t));
    }
}

void TestSheetXmlScanner::decodesTextAndAttributes()
{
    // What the cells get, byte for byte (the comparisons above go through QString).
    const QByteArray xml = "<a r=' x &amp; y\r\n' t=\"&#x4E2D;\"><v>1&#13;\r\n2<![CDATA[&lt;]]>"
                           "</v></a>";
    for (const qsizetype chunk : ChunkSizes) {
        QBuffer buffer;
        buffer.setData(xml);
        buffer.open(QIODevice::ReadOnly);
        SheetXmlScanner scanner(buffer, chunk);
        QCOMPARE(scanner.next(), Token::StartElement);
        QCOMPARE(scanner.attribute("r"), QByteArrayView(" x & y "));
        QCOMPARE(scanner.attribute("t"), QByteArrayView("中"));
        QVERIFY(scanner.attribute("s").isEmpty());
        QCOMPARE(scanner.next(), Token::StartElement);
        QVERIFY(scanner.nameIs("v"));
        const auto text = scanner.readElementText();
        QVERIFY(text);
        QCOMPARE(*text, QByteArrayView("1\r\n2&lt;"));
        QCOMPARE(scanner.next(), Token::EndElement);
        QVERIFY(scanner.nameIs("a"));
        QCOMPARE(scanner.next(), Token::EndDocument);
        QCOMPARE(scanner.offset(), qint64(xml.size()));
    }
}

void TestSheetXmlScanner::doctypeIsRefused()
{
    for (const QByteArray &xml :
         {QByteArray("<!DOCTYPE a><a/>"),
          QByteArray("<?xml version='1.0'?>\n<!DOCTYPE a [<!ENTITY x \"y\">]><a>&x;</a>"),
          QByteArray("<!-- c --><!DOCTYPE"), QByteArray("<a><!DOCTYPE a></a>")}) {
        // QXmlStreamReader refuses them too (the cut one as incomplete, not as a DTD).
        QVERIFY2(!qtTrace(xml).endsWith(QLatin1String("END")), qPrintable(qtTrace(xml)));
        for (const qsizetype chunk : ChunkSizes) {
            QBuffer buffer;
            buffer.setData(xml);
            buffer.open(QIODevice::ReadOnly);
            SheetXmlScanner scanner(buffer, chunk);
            Token token = Token::StartElement;
            while (token == Token::StartElement)
                token = scanner.next();
            QCOMPARE(token, Token::Invalid);
            QVERIFY(scanner.dtdFound());
            QVERIFY(scanner.hasError());
        }
    }
}

void TestSheetXmlScanner::longTokensAcrossChunks()
{
    // Tokens many chunks long: the buffer grows to hold a tag, text is gathered piece by piece.
    const QByteArray value(70000, 'v');
    const QByteArray text = QByteArray("中").repeated(30000);
    const QByteArray xml = "<a r='" + value + "'><!--" + QByteArray(50000, 'c') + "--><t>" + text +
                           "&amp;</t><?pi " + QByteArray(40000, 'p') + "?></a>";
    for (const qsizetype chunk : {qsizetype(7), qsizetype(4096)}) {
        QBuffer buffer;
        buffer.setData(xml);
        buffer.open(QIODevice::ReadOnly);
        SheetXmlScanner scanner(buffer, chunk);
        QCOMPARE(scanner.next(), Token::StartElement);
        QCOMPARE(scanner.attribute("r"), QByteArrayView(value));
        QCOMPARE(scanner.next(), Token::StartElement);
        const auto t = scanner.readElementText();
        QVERIFY(t);
        QCOMPARE(*t, QByteArrayView(QByteArray(text + "&")));
        QCOMPARE(scanner.next(), Token::EndElement);
        QCOMPARE(scanner.next(), Token::EndDocument);
    }
}

void TestSheetXmlScanner::readElementTextRefusesChildren()
{
    QBuffer buffer;
    buffer.setData("<a><v>1<b/>2</v></a>");
    buffer.open(QIODevice::ReadOnly);
    SheetXmlScanner scanner(buffer, 3);
    QCOMPARE(scanner.next(), Token::StartElement);
    QCOMPARE(scanner.next(), Token::StartElement);
    QVERIFY(!scanner.readElementText());
    QVERIFY(scanner.hasError());
    QVERIFY(!scanner.dtdFound());
    QCOMPARE(scanner.next(), Token::Invalid); // it stays refused
}

void TestSheetXmlScanner::encodingDecidesThePath()
{
    const auto handles = [](const QByteArray &bytes) {
        QBuffer buffer;
        buffer.setData(bytes);
        buffer.open(QIODevice::ReadOnly);
        const bool h = SheetXmlScanner::handles(buffer);
        return h && buffer.pos() == 0;
    };
    QVERIFY(handles("<a/>"));
    QVERIFY(handles("\xEF\xBB\xBF<a/>"));
    QVERIFY(handles("<?xml version=\"1.0\"?><a/>"));
    QVERIFY(handles("<?xml version=\"1.0\" encoding='utf-8'?><a/>"));
    QVERIFY(handles("<?xml version=\"1.0\" encoding = \"UTF-8\" standalone=\"yes\"?><a/>"));
    QVERIFY(!handles("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a/>"));
    QVERIFY(!handles("<?xml version=\"1.0\" encoding=\"GBK\"?><a/>"));
    QVERIFY(!handles("\xFF\xFE<\0a\0/\0>\0"));
    QVERIFY(!handles("\xFE\xFF\0<\0a\0/\0>"));
    QVERIFY(!handles(QByteArray("<\0a\0/\0>\0", 8)));
    QVERIFY(!handles("<?xml version=\"1.0\"" + QByteArray(5000, ' ') + "?><a/>"));
}

void TestSheetXmlScanner::sheetReadsLikeTheFallback()
{
    // The same sheet in UTF-8 (the scanner) and UTF-16 (QXmlStreamReader): the same rows.
    QTemporaryDir dir;
    const QString utf8 = dir.filePath(QStringLiteral("utf8.xlsx"));
    const QString utf16 = dir.filePath(QStringLiteral("utf16.xlsx"));
    QCOMPARE(writePackage(utf8, FeatureSheet, FeatureStrings), QString());
    QCOMPARE(writePackage(utf16, toUtf16(FeatureSheet), toUtf16(FeatureStrings)), QString());
    const SheetResult scanned = readSheet(utf8);
    const SheetResult fallback = readSheet(utf16);
    QVERIFY2(scanned.status.ok(), qPrintable(scanned.status.error().detail));
    QVERIFY2(fallback.status.ok(), qPrintable(fallback.status.error().detail));
    QCOMPARE(scanned.rows, fallback.rows);
    QCOMPARE(scanned.rows.size(), 6);
    QCOMPARE(scanned.rows.at(0), QStringLiteral("row 1: 0:1[出厂编号]0// 1:1[ 燃油 加油机]0//"));
    QVERIFY2(scanned.rows.at(4).contains(QStringLiteral("0:1[a&b <c> 中文 \"q'\nline\nend]0//")),
             qPrintable(scanned.rows.at(4)));
    QVERIFY2(scanned.rows.at(4).contains(QStringLiteral("1:1[<raw> & \ntail]0//")),
             qPrintable(scanned.rows.at(4)));
    QVERIFY2(scanned.rows.at(5).endsWith(QStringLiteral("4:1[a&b\nc]0//")),
             qPrintable(scanned.rows.at(5)));
}

void TestSheetXmlScanner::sheetRefusals_data()
{
    QTest::addColumn<QByteArray>("rows");
    QTest::addColumn<QString>("words"); // in the message or the detail
    QTest::newRow("row out of order")
        << QByteArray("<row r='3'/><row r='2'/>") << QStringLiteral("row 2 out of order");
    QTest::newRow("row beyond the sheet")
        << QByteArray("<row r='1048577'/>") << QStringLiteral("beyond Excel's limits");
    QTest::newRow("bad reference")
        << QByteArray("<row><c r='1A'><v>1</v></c></row>") << QStringLiteral("1A");
    QTest::newRow("column beyond the sheet") << QByteArray("<row><c r='XFE1'><v>1</v></c></row>")
                                             << QStringLiteral("beyond Excel's limits");
    QTest::newRow("shared string out of range")
        << QByteArray("<row><c t='s'><v>4</v></c></row>") << QStringLiteral("index 4");
    QTest::newRow("overlong text")
        << "<row><c t='inlineStr'><is><t>" + QByteArray(32768, 'x') + "</t></is></c></row>"
        << QStringLiteral("32767 characters");
    QTest::newRow("overlong error code")
        << "<row><c t='e'><v>" + QByteArray(32768, 'x') + "</v></c></row>"
        << QStringLiteral("32767 characters");
    QTest::newRow("mismatched tags")
        << QByteArray("<row><c><v>1</c></row>") << QStringLiteral("not valid XML");
    QTest::newRow("undeclared entity")
        << QByteArray("<row><c t='str'><v>&nbsp;</v></c></row>") << QStringLiteral("not valid XML");
    QTest::newRow("child in value")
        << QByteArray("<row><c><v>1<b/></v></c></row>") << QStringLiteral("not valid XML");
}

void TestSheetXmlScanner::sheetRefusals()
{
    QFETCH(QByteArray, rows);
    QFETCH(QString, words);
    QTemporaryDir dir;
    const QByteArray sheet = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://"
                             "schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>" +
                             rows + "</sheetData></worksheet>";
    // Both passes refuse it, with the same words.
    for (const QByteArray &bytes : {sheet, toUtf16(sheet)}) {
        const QString path = dir.filePath(QStringLiteral("refused.xlsx"));
        QFile::remove(path);
        QCOMPARE(writePackage(path, bytes, FeatureStrings), QString());
        const SheetResult r = readSheet(path);
        QVERIFY(!r.status.ok());
        const QString said = r.status.error().message + QLatin1Char(' ') + r.status.error().detail;
        QVERIFY2(said.contains(words), qPrintable(said));
    }
    // The DTD check comes first, whatever follows.
    const QString path = dir.filePath(QStringLiteral("dtd.xlsx"));
    QCOMPARE(writePackage(path, "<!DOCTYPE worksheet>" + sheet.mid(sheet.indexOf("<worksheet"))),
             QString());
    const SheetResult r = readSheet(path);
    QVERIFY(!r.status.ok());
    QVERIFY2(r.status.error().message.contains(QStringLiteral("DTD")),
             qPrintable(r.status.error().message));
}

// The sheet is inflated twice at once (its merged ranges through a second handle on the file,
// the cells through the first): the zip budget pays for both, as when both went through one.
void TestSheetXmlScanner::budgetPaysForBothReadsOfTheSheet()
{
    QByteArray rows;
    for (int r = 1; r <= 2000; ++r)
        rows += "<row r=\"" + QByteArray::number(r) + "\"><c r=\"A" + QByteArray::number(r) +
                "\" t=\"inlineStr\"><is><t>第" + QByteArray::number(r) + "行</t></is></c></row>";
    const QByteArray sheet = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://"
                             "schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>" +
                             rows + "</sheetData></worksheet>";
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("budget.xlsx"));
    QCOMPARE(writePackage(path, sheet), QString());
    // The workbook and its relationships take well under 2,000 bytes.
    const auto read = [&path](qint64 budget) {
        ReadOptions options;
        options.limits.maxUncompressedBytes = budget;
        return XlsxReader::read(
            path, [](const SheetRow &) -> Status { return {}; }, options);
    };
    const Status once = read(sheet.size() * 3 / 2 + 2000); // the sheet fits once, not twice
    QVERIFY(!once.ok());
    QVERIFY2(once.error().message.contains(QStringLiteral("zip bomb")),
             qPrintable(once.error().message));
    const Status twice = read(sheet.size() * 2 + 2000);
    QVERIFY2(twice.ok(), qPrintable(twice.error().message + twice.error().detail));
}

QTEST_GUILESS_MAIN(TestSheetXmlScanner)
#include "tst_sheetxmlscanner.moc"
