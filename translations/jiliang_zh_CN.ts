<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AppSession</name>
    <message>
        <source>Could not create the data folder %1. Check that you may write there.</source>
        <translation>无法创建数据文件夹 %1。请检查您是否有权限在该位置写入。</translation>
    </message>
    <message>
        <source>Local database repaired</source>
        <translation>本地数据库已修复</translation>
    </message>
    <message>
        <source>The local database was damaged. It was moved aside to %1 and a new, empty one was created. Changes not yet synced may be in the moved file: keep it and contact support.</source>
        <translation>本地数据库已损坏。原文件已移至 %1，并新建了一个空的数据库。尚未同步的更改可能还在移走的文件中：请保留该文件，并联系技术支持。</translation>
    </message>
</context>
<context>
    <name>AttachmentTransfer</name>
    <message>
        <source>The attachment %1 is missing from this computer.</source>
        <translation>本机缺少附件 %1。</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
</context>
<context>
    <name>BackgroundJob</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>CellConversion</name>
    <message>
        <source>The cell shows the error %1 (a formula that failed in Excel); enter the value itself.</source>
        <translation>单元格显示错误 %1（Excel 中的公式出错）；请直接填写数值。</translation>
    </message>
    <message>
        <source>The serial number was stored as a number with more than 15 digits, so Excel has already changed its last digits. Format the column as text, type the serial numbers again and re-import.</source>
        <translation>出厂编号以超过 15 位的数字保存，Excel 已改动了末几位。请把该列设为文本格式，重新输入出厂编号后再导入。</translation>
    </message>
    <message>
        <source>%1 is not a real date.</source>
        <translation>%1 不是有效的日期。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a date; write it as 2024-03-15, 2024/3/15 or 2024年3月15日.</source>
        <translation>“%1”不是日期；请写成 2024-03-15、2024/3/15 或 2024年3月15日。</translation>
    </message>
    <message>
        <source>The verification period must be a whole number of months, such as 12; &quot;%1&quot; is not.</source>
        <translation>检定周期须为整数个月，例如 12；“%1”不是。</translation>
    </message>
    <message>
        <source>The status must be 在用, 停用 or 报废, not &quot;%1&quot;.</source>
        <translation>器具状态须为 在用、停用 或 报废，不能是“%1”。</translation>
    </message>
    <message>
        <source>The verification result must be 合格, 不合格 or 无, not &quot;%1&quot;.</source>
        <translation>检定结果须为 合格、不合格 或 无，不能是“%1”。</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>Interface language: zh_CN or en (default: the system&apos;s).</source>
        <translation>界面语言：zh_CN 或 en（默认跟随系统）。</translation>
    </message>
    <message>
        <source>Keep the local database and settings in DIR.</source>
        <translation>将本地数据库和设置保存在 DIR 目录中。</translation>
    </message>
    <message>
        <source>Open a separate demo database filled with example instruments.</source>
        <translation>打开一个单独的演示数据库，其中预置了示例计量器具。</translation>
    </message>
    <message>
        <source>Write a 1280×800 PNG of every screen, with demo data, into DIR, then quit.</source>
        <translation>使用演示数据，将每个界面截图为 1280×800 的 PNG 图片写入 DIR 目录，然后退出。</translation>
    </message>
    <message>
        <source>Jiliang: the measuring instruments of an enterprise under mandatory verification.</source>
        <translation>计量：企业强制检定计量器具管理客户端。</translation>
    </message>
    <message>
        <source>Unknown language &quot;%1&quot;: use zh_CN or en.</source>
        <translation>未知的界面语言“%1”：请使用 zh_CN 或 en。</translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;.</source>
        <translation>无法识别的参数“%1”。</translation>
    </message>
</context>
<context>
    <name>ConflictStore</name>
    <message>
        <source>Records of the kind %1 cannot be changed on this computer yet; the conflict stays until a newer version of the program can.</source>
        <translation>本机暂时无法修改“%1”类记录；该冲突将保留，待程序更新后再处理。</translation>
    </message>
</context>
<context>
    <name>ContactStore</name>
    <message>
        <source>Enter the name of the contact person.</source>
        <translation>请填写联系人姓名。</translation>
    </message>
    <message>
        <source>Enter a mobile number (11 digits starting with 1) or a landline with area code, such as 0571-87654321.</source>
        <translation>请填写手机号码（以 1 开头的 11 位数字）或带区号的固定电话，例如 0571-87654321。</translation>
    </message>
</context>
<context>
    <name>CsvReader</name>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>%1 is neither UTF-8 nor GBK/GB18030 text. Save it from Excel or WPS as &quot;CSV UTF-8&quot; and retry.</source>
        <translation>%1 既不是 UTF-8 也不是 GBK/GB18030 文本。请在 Excel 或 WPS 中另存为“CSV UTF-8”后重试。</translation>
    </message>
    <message>
        <source>Record %1 opens a quoted field that is never closed; the file is cut off or not a CSV file.</source>
        <translation>第 %1 条记录中有未闭合的引号；文件不完整或不是 CSV 文件。</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>Could not create the data folder %1. Check that you may write there.</source>
        <translation>无法创建数据文件夹 %1。请检查您是否有权限在该位置写入。</translation>
    </message>
    <message>
        <source>Could not open the local database %1: %2</source>
        <translation>无法打开本地数据库 %1：%2</translation>
    </message>
    <message>
        <source>This local database was written by a newer version of Jiliang (data format %1; this program knows up to %2). Install the newer version to open it; the data has not been touched.</source>
        <translation>此本地数据库由更新版本的计量客户端写入（数据格式 %1，本程序最高只支持 %2）。请安装新版本后再打开；数据未被改动。</translation>
    </message>
    <message>
        <source>The local database %1 is damaged and could not be moved aside. Close other programs that may use it and try again.</source>
        <translation>本地数据库 %1 已损坏，且无法移走。请关闭可能正在使用该文件的其他程序，然后重试。</translation>
    </message>
    <message>
        <source>Could not open the local database.</source>
        <translation>无法打开本地数据库。</translation>
    </message>
    <message>
        <source>The program is incomplete: migration %1 is missing.</source>
        <translation>程序文件不完整：缺少数据升级步骤 %1。请重新安装本程序。</translation>
    </message>
    <message>
        <source>Could not save: part of the change failed, so none of it was kept.</source>
        <translation>无法保存：部分更改未能保存，因此本次更改全部未保存。</translation>
    </message>
    <message>
        <source>The local database reported an error, so nothing was changed. Try again; if this keeps happening, restart the program.</source>
        <translation>本地数据库出错，未做任何更改。请重试；如仍出现，请重新启动程序。</translation>
    </message>
    <message>
        <source>The local database %1 is damaged and could not be replaced. Close other programs that may use it and start again.</source>
        <translation>本地数据库 %1 已损坏且无法替换。请关闭可能正在使用它的其他程序后重新启动。</translation>
    </message>
    <message>
        <source>Could not prepare the local database. Restart the program; if this keeps happening, check that the data folder may be written.</source>
        <translation>无法准备本地数据库。请重新启动程序；如仍出现，请检查数据文件夹是否可写。</translation>
    </message>
    <message>
        <source>Could not read the data format of the local database. Restart the program.</source>
        <translation>无法读取本地数据库的数据格式。请重新启动程序。</translation>
    </message>
    <message>
        <source>Could not update the data format of the local database; nothing was changed. Restart the program.</source>
        <translation>无法更新本地数据库的数据格式，未做任何更改。请重新启动程序。</translation>
    </message>
    <message>
        <source>The local database %1 cannot be read right now. Close other programs that may use it and start again; nothing was changed.</source>
        <translation>本地数据库 %1 暂时无法读取。请关闭可能正在使用它的其他程序后重新启动；未做任何更改。</translation>
    </message>
</context>
<context>
    <name>DemoData</name>
    <message>
        <source>The demo data needs a count of zero or more.</source>
        <translation>演示数据的数量必须大于或等于 0。</translation>
    </message>
    <message>
        <source>Demo data can only be added to an empty local store. Start with a new data folder to try it.</source>
        <translation>演示数据只能添加到空的本地数据库中。请使用一个新的数据文件夹来试用。</translation>
    </message>
    <message>
        <source>Demo data: %1 instruments at %2 sites. In use: %3 alert, %4 warning, %5 notice, %6 without warning. %7 incomplete, %8 suspended, %9 scrapped, %10 in the history library.</source>
        <translation>演示数据：%2 个站点，共 %1 个计量器具。在用器具中：警示 %3 个，预警 %4 个，提示 %5 个，无预警 %6 个。信息未完善 %7 个，停用 %8 个，报废 %9 个，曾用计量器具库中 %10 个。</translation>
    </message>
    <message>
        <source>Could not write the demo data; nothing was changed.</source>
        <translation>无法写入演示数据，未做任何更改。</translation>
    </message>
</context>
<context>
    <name>FileStore</name>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
    <message>
        <source>Cannot create a file in %1: %2</source>
        <translation>无法在 %1 中创建文件：%2</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>Cannot copy %1 into the attachment store: %2</source>
        <translation>无法将 %1 复制到附件库：%2</translation>
    </message>
    <message>
        <source>Cannot move the file into %1.</source>
        <translation>无法将文件移动到 %1。</translation>
    </message>
</context>
<context>
    <name>ImportTables</name>
    <message>
        <source>The header row</source>
        <translation>表头行</translation>
    </message>
    <message>
        <source>Above the header row: not imported</source>
        <translation>位于表头行之上：不导入</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <source>Import as</source>
        <translation>导入为</translation>
    </message>
    <message>
        <source>First value</source>
        <translation>第一行的值</translation>
    </message>
    <message>
        <source>(column %1, no title)</source>
        <translation>（第 %1 列，无标题）</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>忽略</translation>
    </message>
    <message>
        <source>Import column %1 as</source>
        <translation>将列 %1 导入为</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>(whole row)</source>
        <translation>（整行）</translation>
    </message>
</context>
<context>
    <name>Instrument</name>
    <message>
        <source>In use</source>
        <translation>在用</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Scrapped</source>
        <translation>报废</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Pass</source>
        <translation>合格</translation>
    </message>
    <message>
        <source>Fail</source>
        <translation>不合格</translation>
    </message>
    <message>
        <source>History</source>
        <translation>曾用</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>在用</translation>
    </message>
</context>
<context>
    <name>InstrumentCategories</name>
    <message>
        <source>The instrument category list is damaged; the previous one is kept.</source>
        <translation>计量器具类别目录已损坏，继续使用原有目录。</translation>
    </message>
</context>
<context>
    <name>InstrumentChangeCommand</name>
    <message>
        <source>Cannot undo</source>
        <translation>无法撤消</translation>
    </message>
    <message>
        <source>Cannot redo</source>
        <translation>无法重做</translation>
    </message>
</context>
<context>
    <name>InstrumentCollection</name>
    <message>
        <source>Instrument</source>
        <translation>计量器具</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>所在库</translation>
    </message>
</context>
<context>
    <name>InstrumentColumns</name>
    <message>
        <source>Serial No.</source>
        <translation>出厂编号</translation>
    </message>
    <message>
        <source>Instrument name</source>
        <translation>计量器具名称</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>器具类别</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>规格型号</translation>
    </message>
    <message>
        <source>Measuring range</source>
        <translation>测量范围</translation>
    </message>
    <message>
        <source>Accuracy class</source>
        <translation>准确度等级</translation>
    </message>
    <message>
        <source>Manufacturer</source>
        <translation>制造单位</translation>
    </message>
    <message>
        <source>Production date</source>
        <translation>生产日期</translation>
    </message>
    <message>
        <source>User unit</source>
        <translation>使用单位名称</translation>
    </message>
    <message>
        <source>Installation address</source>
        <translation>安装地点</translation>
    </message>
    <message>
        <source>Installation date</source>
        <translation>安装日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>器具状态</translation>
    </message>
    <message>
        <source>Verification period (months)</source>
        <translation>检定周期(月)</translation>
    </message>
    <message>
        <source>Verification result</source>
        <translation>检定结果</translation>
    </message>
    <message>
        <source>Last verification date</source>
        <translation>上次检定日期</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效日期</translation>
    </message>
    <message>
        <source>Last verification institution</source>
        <translation>上次检定机构</translation>
    </message>
    <message>
        <source>Warning level</source>
        <translation>预警提示</translation>
    </message>
    <message>
        <source>Completeness</source>
        <translation>信息是否完善</translation>
    </message>
    <message>
        <source>Removed at</source>
        <translation>移入曾用库时间</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>已完善</translation>
    </message>
    <message>
        <source>Incomplete</source>
        <translation>未完善</translation>
    </message>
    <message>
        <source>Failed its last verification: it must not be used until it passes.</source>
        <translation>上次检定不合格：重新检定合格前不得使用。</translation>
    </message>
    <message>
        <source>No verification record: have it verified before use.</source>
        <translation>无检定记录：须经检定合格后方可使用。</translation>
    </message>
    <message numerus="yes">
        <source>Expired on %1, %n day(s) ago.</source>
        <translation>
            <numerusform>已于 %1 到期，已超期 %n 天。</numerusform>
        </translation>
    </message>
    <message>
        <source>Expires today (%1).</source>
        <translation>今天（%1）到期。</translation>
    </message>
    <message numerus="yes">
        <source>Valid until %1: %n day(s) left.</source>
        <translation>
            <numerusform>有效期至 %1，还剩 %n 天。</numerusform>
        </translation>
    </message>
    <message>
        <source>Missing: %1</source>
        <translation>缺少：%1</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>InstrumentExport</name>
    <message>
        <source>Export cancelled; the file was not written.</source>
        <translation>导出已取消，未写入文件。</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Import report</source>
        <translation>导入报告</translation>
    </message>
</context>
<context>
    <name>InstrumentFilterFields</name>
    <message>
        <source>In an appointment</source>
        <translation>是否流程在预约中</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>No warning</source>
        <translation>无预警</translation>
    </message>
    <message>
        <source>Warning level</source>
        <translation>预警提示</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>已完善</translation>
    </message>
    <message>
        <source>Incomplete</source>
        <translation>未完善</translation>
    </message>
    <message>
        <source>Completeness</source>
        <translation>信息是否完善</translation>
    </message>
</context>
<context>
    <name>InstrumentImport</name>
    <message>
        <source>The file has no column %1, which is required. Name a column %1 (in the first 10 rows, above the data) or choose it in the column mapping.</source>
        <translation>文件中没有必填列“%1”。请在数据上方（前 10 行内）添加名为“%1”的列，或在列对应关系中指定。</translation>
    </message>
    <message>
        <source>No header row found: none of the first 10 rows names at least two columns such as 出厂编号 and 计量器具名称. Add the header row or use the import template.</source>
        <translation>未找到表头行：前 10 行中没有一行包含至少两个已知列名（如 出厂编号、计量器具名称）。请添加表头行，或使用导入模板。</translation>
    </message>
    <message>
        <source>Serial number %1 appears in an earlier row of the file; only the first one is imported.</source>
        <translation>出厂编号 %1 在文件前面的行中已出现；只导入第一次出现的行。</translation>
    </message>
    <message>
        <source>The record id appears in an earlier row of the file; only the first one is imported.</source>
        <translation>记录ID 在文件前面的行中已出现；只导入第一次出现的行。</translation>
    </message>
</context>
<context>
    <name>InstrumentMatchRanker</name>
    <message>
        <source>Same serial number (waiting for sync)</source>
        <translation>出厂编号相同（待同步）</translation>
    </message>
    <message>
        <source>Serial number differs only in case or separators</source>
        <translation>出厂编号仅大小写或分隔符不同</translation>
    </message>
    <message>
        <source>Serial number differs only in leading zeros</source>
        <translation>出厂编号仅前导零不同</translation>
    </message>
    <message>
        <source>Two neighbouring characters of the serial number swapped</source>
        <translation>出厂编号相邻两位颠倒</translation>
    </message>
    <message numerus="yes">
        <source>Serial number differs in %n character(s)</source>
        <translation>
            <numerusform>出厂编号相差%n位</numerusform>
        </translation>
    </message>
    <message>
        <source>One serial number contains the other</source>
        <translation>出厂编号互相包含</translation>
    </message>
    <message numerus="yes">
        <source>Serial numbers share %n consecutive character(s)</source>
        <translation>
            <numerusform>出厂编号有%n位连续相同</numerusform>
        </translation>
    </message>
    <message>
        <source>Same name</source>
        <translation>名称相同</translation>
    </message>
    <message>
        <source>Similar name</source>
        <translation>名称相近</translation>
    </message>
    <message>
        <source>Same model</source>
        <translation>型号相同</translation>
    </message>
    <message>
        <source>Similar model</source>
        <translation>型号相近</translation>
    </message>
    <message>
        <source>Same install location</source>
        <translation>安装地点相同</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
</context>
<context>
    <name>InstrumentScreens</name>
    <message>
        <source>Instrument management</source>
        <translation>计量器具管理</translation>
    </message>
    <message>
        <source>Active instruments</source>
        <translation>在用计量器具库</translation>
    </message>
    <message>
        <source>Every instrument in use or kept for use. Filter at the top (Enter runs it), select rows, then use the buttons: New (Ctrl+N), Edit (double-click), Complete details, Batch edit, Move to history (Delete). A batch edit or a move can be undone with Ctrl+Z. Warning labels: alert (red), warning (amber), notice (green). A blue dot marks changes not yet synced. Right-click a column header to choose the columns.</source>
        <translation>企业在用或备用的全部计量器具。在上方填写筛选条件（按 Enter 查询），选中表格中的行，再使用按钮：新增（Ctrl+N）、编辑（或双击行）、信息完善、批量修改、移入曾用库（Delete）。批量修改和移入曾用库可以按 Ctrl+Z 撤消。预警标签：警示（红色）、预警（黄色）、提示（绿色）。蓝点表示尚未同步的更改。右键单击列标题可选择要显示的列。</translation>
    </message>
    <message>
        <source>Instruments in history</source>
        <translation>曾用计量器具库</translation>
    </message>
    <message>
        <source>Instruments taken out of use. Restore puts them back into the active library, unless an active instrument has the same serial number. Delete permanently removes them for good, after a confirmation.</source>
        <translation>已移出使用的计量器具。“恢复”将其放回在用计量器具库（在用库中已有相同出厂编号的器具时不能恢复）。“彻底删除”经确认后将其永久删除。</translation>
    </message>
    <message numerus="yes">
        <source>%n instrument(s) on alert: expired, failed or never verified</source>
        <translation>
            <numerusform>%n 个器具处于警示：已过期、检定不合格或无检定记录</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InstrumentStore</name>
    <message>
        <source>The instrument no longer exists. Refresh the list.</source>
        <translation>该计量器具已不存在。请刷新列表。</translation>
    </message>
    <message>
        <source>An instrument with serial number %1 is already in the active library (%2). Edit that one instead.</source>
        <translation>在用计量器具库中已有出厂编号为 %1 的器具（%2）。请改为编辑该器具。</translation>
    </message>
    <message>
        <source>An instrument with serial number %1 is already in the active library (%2).</source>
        <translation>在用计量器具库中已有出厂编号为 %1 的器具（%2）。</translation>
    </message>
    <message>
        <source>The field %1 cannot be changed in a batch.</source>
        <translation>“%1”不能批量修改。</translation>
    </message>
    <message>
        <source>Instrument %1: %2</source>
        <translation>计量器具 %1：%2</translation>
    </message>
    <message>
        <source>Cannot restore %1: an instrument with serial number %2 is in the active library again. Move that one to history first, or keep this one in history.</source>
        <translation>无法恢复 %1：在用计量器具库中已有出厂编号为 %2 的器具。请先将该器具移入曾用库，或让本器具继续留在曾用库中。</translation>
    </message>
    <message>
        <source>Only instruments in the history library can be deleted for good; move %1 to history first.</source>
        <translation>只有曾用计量器具库中的器具才能彻底删除；请先将 %1 移入曾用库。</translation>
    </message>
    <message>
        <source>Cannot undo: some of the instruments were deleted since.</source>
        <translation>无法撤消：其中部分计量器具在此之后已被删除。</translation>
    </message>
    <message>
        <source>Cannot undo: serial number %1 is in the active library again.</source>
        <translation>无法撤消：在用计量器具库中又有了出厂编号为 %1 的器具。</translation>
    </message>
    <message>
        <source>An earlier row already changes this instrument (%1).</source>
        <translation>前面的行已修改了这台器具（%1）。</translation>
    </message>
    <message>
        <source>Serial number %1 belongs to another instrument (%2).</source>
        <translation>出厂编号 %1 属于另一台器具（%2）。</translation>
    </message>
</context>
<context>
    <name>InstrumentTransfer</name>
    <message>
        <source>Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV，UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>Choose the file to import</source>
        <translation>选择要导入的文件</translation>
    </message>
    <message>
        <source>Nothing to export</source>
        <translation>没有可导出的内容</translation>
    </message>
    <message>
        <source>The list is empty: there is nothing to export.</source>
        <translation>列表为空，没有可导出的内容。</translation>
    </message>
    <message>
        <source>Instruments %1.xlsx</source>
        <translation>计量器具 %1.xlsx</translation>
    </message>
    <message>
        <source>Export instruments</source>
        <translation>导出计量器具</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message numerus="yes">
        <source>Writing %n instrument(s) to %1…</source>
        <translation>
            <numerusform>正在将 %n 个计量器具写入 %1…</numerusform>
        </translation>
    </message>
    <message>
        <source>Export cancelled</source>
        <translation>已取消导出</translation>
    </message>
    <message>
        <source>The export was cancelled; no file was written.</source>
        <translation>导出已取消，未写入任何文件。</translation>
    </message>
    <message>
        <source>Not exported</source>
        <translation>未能导出</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>已导出</translation>
    </message>
    <message numerus="yes">
        <source>%n instrument(s) written to %1.</source>
        <translation>
            <numerusform>已将 %n 个计量器具写入 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Instrument import template.xlsx</source>
        <translation>计量器具导入模板.xlsx</translation>
    </message>
    <message>
        <source>Save the import template</source>
        <translation>保存导入模板</translation>
    </message>
    <message>
        <source>Template not saved</source>
        <translation>模板未保存</translation>
    </message>
</context>
<context>
    <name>InstrumentTransferJobs</name>
    <message>
        <source>Export cancelled; the file was not written.</source>
        <translation>导出已取消，文件未写入。</translation>
    </message>
</context>
<context>
    <name>InstrumentValidator</name>
    <message>
        <source>Enter the serial number printed on the instrument.</source>
        <translation>请输入器具铭牌上的出厂编号。</translation>
    </message>
    <message>
        <source>The serial number is longer than %1 characters; check it.</source>
        <translation>出厂编号超过 %1 个字符，请核对。</translation>
    </message>
    <message>
        <source>The serial number contains invisible control characters; retype it.</source>
        <translation>出厂编号中含有不可见的控制字符，请重新输入。</translation>
    </message>
    <message>
        <source>Enter the instrument name, for example &quot;fuel dispenser&quot;.</source>
        <translation>请输入计量器具名称，例如“燃油加油机”。</translation>
    </message>
    <message>
        <source>Keep this to at most %1 characters.</source>
        <translation>最多只能填写 %1 个字符。</translation>
    </message>
    <message>
        <source>Choose the installation area from the list.</source>
        <translation>请从列表中选择安装地区。</translation>
    </message>
    <message>
        <source>The verification period must be between 1 and %1 months.</source>
        <translation>检定周期必须在 1 至 %1 个月之间。</translation>
    </message>
    <message>
        <source>The installation date is before the production date.</source>
        <translation>安装日期早于生产日期，请核对。</translation>
    </message>
    <message>
        <source>The certificate expires before the verification date.</source>
        <translation>有效日期早于检定日期，请核对。</translation>
    </message>
    <message>
        <source>Serial No.</source>
        <translation>出厂编号</translation>
    </message>
    <message>
        <source>Instrument name</source>
        <translation>计量器具名称</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>器具类别</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>规格型号</translation>
    </message>
    <message>
        <source>Measuring range</source>
        <translation>测量范围</translation>
    </message>
    <message>
        <source>Accuracy class</source>
        <translation>准确度等级</translation>
    </message>
    <message>
        <source>Manufacturer</source>
        <translation>制造单位</translation>
    </message>
    <message>
        <source>Production date</source>
        <translation>生产日期</translation>
    </message>
    <message>
        <source>User unit</source>
        <translation>使用单位名称</translation>
    </message>
    <message>
        <source>Installation address</source>
        <translation>安装地点</translation>
    </message>
    <message>
        <source>Installation area</source>
        <translation>安装地区</translation>
    </message>
    <message>
        <source>Installation date</source>
        <translation>安装日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>器具状态</translation>
    </message>
    <message>
        <source>Verification period (months)</source>
        <translation>检定周期(月)</translation>
    </message>
    <message>
        <source>Verification result</source>
        <translation>检定结果</translation>
    </message>
    <message>
        <source>Last verification date</source>
        <translation>上次检定日期</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效日期</translation>
    </message>
    <message>
        <source>Last verification institution</source>
        <translation>上次检定机构</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>所属站点</translation>
    </message>
    <message>
        <source>Remarks</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>ListExport</name>
    <message>
        <source>Export cancelled; the file was not written.</source>
        <translation>导出已取消，文件未写入。</translation>
    </message>
</context>
<context>
    <name>ListPrinter</name>
    <message numerus="yes">
        <source>Printed %1, %n record(s)</source>
        <translation>
            <numerusform>打印时间 %1，共 %n 条</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not write %1: %2. Choose another folder or close the program that has the file open.</source>
        <translation>无法写入 %1：%2。请选择其他文件夹，或关闭正在使用该文件的程序。</translation>
    </message>
</context>
<context>
    <name>RemoteErrors</name>
    <message>
        <source>The server did not answer in time. Your changes are kept and sent later.</source>
        <translation>服务器未及时响应。您的修改已保留，稍后会再次发送。</translation>
    </message>
    <message>
        <source>The server cannot be reached (%1). Your changes are kept and sent when the connection is back.</source>
        <translation>无法连接服务器（%1）。您的修改已保留，网络恢复后会自动发送。</translation>
    </message>
    <message>
        <source>Not found on the server.</source>
        <translation>服务器上没有找到该内容。</translation>
    </message>
    <message>
        <source>The server&apos;s change history moved on: everything is downloaded again, and your unsynced changes are kept.</source>
        <translation>服务器的变更记录已更新：将重新下载全部数据，您尚未同步的修改会保留。</translation>
    </message>
    <message>
        <source>This version of Jiliang is too old for the server (it needs protocol version %1). Please install the latest version.</source>
        <translation>当前版本的计量客户端过旧，服务器要求协议版本 %1 或更高。请安装最新版本。</translation>
    </message>
    <message numerus="yes">
        <source>The server is busy. Sync continues in %n second(s).</source>
        <translation>
            <numerusform>服务器繁忙，%n 秒后继续同步。</numerusform>
        </translation>
    </message>
    <message>
        <source>The server has a problem (HTTP %1). Your changes are kept and sent later.</source>
        <translation>服务器出现故障（HTTP %1）。您的修改已保留，稍后会再次发送。</translation>
    </message>
    <message>
        <source>The server refused the request (HTTP %1).</source>
        <translation>服务器拒绝了该请求（HTTP %1）。</translation>
    </message>
    <message>
        <source>The server sent an answer this version of Jiliang cannot read; nothing of it was applied.</source>
        <translation>服务器返回的内容无法被当前版本识别，未应用其中任何数据。</translation>
    </message>
    <message>
        <source>Your login has expired. Please log in again; your unsynced changes are kept.</source>
        <translation>登录已过期，请重新登录；您尚未同步的修改会保留。</translation>
    </message>
    <message>
        <source>The login could not be renewed just now. Sync tries again later.</source>
        <translation>暂时无法续期登录，稍后会自动重试同步。</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>RowParser</name>
    <message>
        <source>The serial number (出厂编号) is empty.</source>
        <translation>出厂编号为空。</translation>
    </message>
    <message>
        <source>The instrument name (计量器具名称) is empty.</source>
        <translation>计量器具名称为空。</translation>
    </message>
</context>
<context>
    <name>ScreenshotRunner</name>
    <message>
        <source>Could not create the folder %1.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
    <message>
        <source>Could not create a temporary folder.</source>
        <translation>无法创建临时文件夹。</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>SheetReader</name>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not an Excel workbook (it may be damaged, or another kind of file renamed). Open it in Excel or WPS, save it as .xlsx and retry.</source>
        <translation>%1 不是 Excel 工作簿（可能已损坏，或是改了扩展名的其他文件）。请在 Excel 或 WPS 中打开，另存为 .xlsx 后重试。</translation>
    </message>
    <message>
        <source>Cancelled; nothing was imported.</source>
        <translation>已取消，未导入任何数据。</translation>
    </message>
    <message>
        <source>%1 is larger than any instrument list; it was not read.</source>
        <translation>%1 远大于任何器具台账，未读取。</translation>
    </message>
    <message>
        <source>A cell holds more than %1 characters, more than Excel allows; the file was not read.</source>
        <translation>有单元格超过 %1 个字符，超出 Excel 的上限；未读取该文件。</translation>
    </message>
    <message>
        <source>Cell %1%2 holds more than %3 characters, more than Excel allows; the file was not read.</source>
        <translation>单元格 %1%2 超过 %3 个字符，超出 Excel 的上限；未读取该文件。</translation>
    </message>
    <message>
        <source>The sheet goes beyond Excel&apos;s limits (%1 rows, %2 columns): row %3, column %4. The file was not read.</source>
        <translation>工作表超出 Excel 的上限（%1 行、%2 列）：第 %3 行，第 %4 列。未读取该文件。</translation>
    </message>
</context>
<context>
    <name>SpreadsheetCommands</name>
    <message>
        <source>The local database (default: the one the program uses).</source>
        <translation>本地数据库（默认：程序正在使用的数据库）。</translation>
    </message>
    <message>
        <source>Unknown filter &quot;%1&quot;. Use name=TEXT, serial=PREFIX, lifecycle=active|history, status=inUse|suspended|scrapped, result=pass|fail|none, warning=none|notice|warning|alert, complete=yes|no or site=ID.</source>
        <translation>未知的筛选条件“%1”。可用：name=文字、serial=编号前缀、lifecycle=active|history、status=inUse|suspended|scrapped、result=pass|fail|none、warning=none|notice|warning|alert、complete=yes|no 或 site=场所ID。</translation>
    </message>
    <message>
        <source>Cannot write the report %1: %2</source>
        <translation>无法写入报告 %1：%2</translation>
    </message>
    <message>
        <source>Imports instruments from an .xlsx, .xls or .csv file.</source>
        <translation>从 .xlsx、.xls 或 .csv 文件导入计量器具。</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>显示本帮助。</translation>
    </message>
    <message>
        <source>Check every row against the library and report, but change nothing.</source>
        <translation>对照器具库检查每一行并给出报告，但不做任何修改。</translation>
    </message>
    <message>
        <source>What to do with a serial number already in the library: update (default) or skip.</source>
        <translation>器具库中已存在的出厂编号如何处理：update 更新（默认）或 skip 跳过。</translation>
    </message>
    <message>
        <source>Write the report as JSON to this file.</source>
        <translation>将报告以 JSON 格式写入此文件。</translation>
    </message>
    <message>
        <source>The file to import.</source>
        <translation>要导入的文件。</translation>
    </message>
    <message>
        <source>Usage: jiliang import FILE [--database PATH] [--dry-run] [--on-duplicate update|skip] [--report REPORT.json]</source>
        <translation>用法：jiliang import 文件 [--database 路径] [--dry-run] [--on-duplicate update|skip] [--report 报告.json]</translation>
    </message>
    <message>
        <source>%1 was refused: %2</source>
        <translation>%1 未被接受：%2</translation>
    </message>
    <message>
        <source>Row %1%2: %3</source>
        <translation>第 %1 行%2：%3</translation>
    </message>
    <message>
        <source>Checked (no library): %1 rows fine, %2 rejected.</source>
        <translation>已检查（未对照器具库）：%1 行无误，%2 行被拒绝。</translation>
    </message>
    <message>
        <source>Dry run, nothing changed: %1 would be added, %2 updated, %3 skipped, %4 rejected.</source>
        <translation>试运行，未做任何修改：将新增 %1，更新 %2，跳过 %3，拒绝 %4。</translation>
    </message>
    <message>
        <source>Imported: %1 added, %2 updated, %3 skipped, %4 rejected.</source>
        <translation>导入完成：新增 %1，更新 %2，跳过 %3，拒绝 %4。</translation>
    </message>
    <message>
        <source>Exports instruments to an .xlsx or .csv file (by its suffix), with the columns import reads.</source>
        <translation>将计量器具导出为 .xlsx 或 .csv 文件（按文件后缀），列与导入时读取的列相同。</translation>
    </message>
    <message>
        <source>Only the instruments matching KEY=VALUE (repeatable): name=TEXT, serial=PREFIX, lifecycle=active|history, status=inUse|suspended|scrapped, result=pass|fail|none, warning=none|notice|warning|alert, complete=yes|no, site=ID.</source>
        <translation>只导出符合 键=值 的计量器具（可重复）：name=文字、serial=编号前缀、lifecycle=active|history、status=inUse|suspended|scrapped、result=pass|fail|none、warning=none|notice|warning|alert、complete=yes|no、site=场所ID。</translation>
    </message>
    <message>
        <source>The file to write.</source>
        <translation>要写入的文件。</translation>
    </message>
    <message>
        <source>Usage: jiliang export FILE [--database PATH] [--filter KEY=VALUE]…</source>
        <translation>用法：jiliang export 文件 [--database 路径] [--filter 键=值]…</translation>
    </message>
    <message>
        <source>The file must end in .xlsx or .csv: %1</source>
        <translation>文件名必须以 .xlsx 或 .csv 结尾：%1</translation>
    </message>
    <message>
        <source>There is no local database at %1.</source>
        <translation>%1 处没有本地数据库。</translation>
    </message>
    <message numerus="yes">
        <source>%n instrument(s) written to %1.</source>
        <translation>
            <numerusform>已将 %n 个计量器具写入 %1。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncCommand</name>
    <message>
        <source>The data folder (default: the user&apos;s).</source>
        <translation>数据文件夹（默认：当前用户的）。</translation>
    </message>
    <message>
        <source>The server address.</source>
        <translation>服务器地址。</translation>
    </message>
    <message>
        <source>The account (统一社会信用代码) whose data to sync.</source>
        <translation>要同步数据的账号（统一社会信用代码）。</translation>
    </message>
    <message>
        <source>Apply the deletions of a sync that deletes many local records.</source>
        <translation>同步将删除大量本地记录时，仍执行这些删除。</translation>
    </message>
    <message>
        <source>%1 is not a server address (http://host:port).</source>
        <translation>%1 不是服务器地址（http://主机:端口）。</translation>
    </message>
    <message>
        <source>Cannot create the data folder %1.</source>
        <translation>无法创建数据文件夹 %1。</translation>
    </message>
    <message>
        <source>pending %1, failed %2, conflicts %3</source>
        <translation>待同步 %1，失败 %2，冲突 %3</translation>
    </message>
    <message>
        <source>The sync did not finish.</source>
        <translation>同步未完成。</translation>
    </message>
    <message>
        <source>Account %1 is not signed in on this computer: sign in from the window first.</source>
        <translation>账号 %1 尚未在本机登录：请先在程序窗口中登录。</translation>
    </message>
    <message>
        <source>No account: give --account (signed in from the window) or set JILIANG_ACCESS_TOKEN.</source>
        <translation>未指定账号：请用 --account 指定已在程序窗口中登录的账号，或设置 JILIANG_ACCESS_TOKEN。</translation>
    </message>
</context>
<context>
    <name>SyncEngine</name>
    <message>
        <source>The server deleted %1 of the %2 local records of this kind. Confirm before they are deleted here.</source>
        <translation>服务器删除了本地 %2 条此类记录中的 %1 条。请先确认，再在本机删除。</translation>
    </message>
    <message>
        <source>The server did not take the change yet.</source>
        <translation>服务器暂未接收此修改。</translation>
    </message>
    <message>
        <source>Please log in again. Your unsynced changes are kept.</source>
        <translation>请重新登录。未同步的修改已保留。</translation>
    </message>
    <message>
        <source>The server needs a newer version of this program (protocol version %1 or later). Please update it; your changes are kept.</source>
        <translation>服务器要求使用更新版本的程序（协议版本 %1 或更高）。请升级程序；您的修改已保留。</translation>
    </message>
    <message>
        <source>The server could not be reached. Changes are kept and sent later.</source>
        <translation>无法连接服务器。修改已保留，稍后发送。</translation>
    </message>
    <message>
        <source>The server refused this change.</source>
        <translation>服务器拒绝了此修改。</translation>
    </message>
    <message>
        <source>Changed on the server too: see Conflicts.</source>
        <translation>服务器上也修改了此记录：请查看“冲突”。</translation>
    </message>
    <message>
        <source>The server no longer has %1 of the %2 local records of this kind. Confirm before they are deleted here.</source>
        <translation>服务器已没有本地 %2 条此类记录中的 %1 条。请先确认，再在本机删除。</translation>
    </message>
    <message>
        <source>The attached file %1 is missing on this computer, so this change cannot be sent. Attach the file again, or discard the change.</source>
        <translation>本机缺少附件文件 %1，此更改无法上传。请重新添加该附件，或放弃此更改。</translation>
    </message>
    <message>
        <source>The server refused the attached file %1: %2</source>
        <translation>服务器拒收附件文件 %1：%2</translation>
    </message>
    <message>
        <source>An attached file could not be uploaded yet; it is tried again later.</source>
        <translation>附件暂未上传成功，稍后将自动重试。</translation>
    </message>
</context>
<context>
    <name>SyncScreens</name>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>Sync status</source>
        <translation>同步状态</translation>
    </message>
    <message>
        <source>Every local change not yet on the server. Waiting changes go out at the next sync (F5 syncs now). A change the server refused shows its reason: correct the record and retry, or discard the change to put the record back as the server has it. Select several rows to retry or discard them together.</source>
        <translation>列出所有尚未到达服务器的本地更改。待同步的更改会在下次同步时发送（按 F5 立即同步）。被服务器拒绝的更改会显示原因：修改记录后重试，或放弃该更改，使记录恢复为服务器上的内容。可选中多行一起重试或放弃。</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) refused by the server</source>
        <translation>
            <numerusform>%n 项更改被服务器拒绝</numerusform>
        </translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>Records changed here and on the server at the same time. Select one to compare your values with the server&apos;s, field by field: the marked fields were changed on both sides. Keep mine sends your values; Take the server&apos;s gives them up.</source>
        <translation>在本机和服务器上同时被修改的记录。选中一条即可逐字段对比您的值与服务器的值：带标记的字段在两边都被修改过。“保留我的”会发送您的值；“采用服务器的”会放弃您的值。</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) waiting for your decision</source>
        <translation>
            <numerusform>%n 个冲突等待您处理</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncStatusText</name>
    <message>
        <source>Not signed in (offline)</source>
        <translation>未登录（离线）</translation>
    </message>
    <message>
        <source>sending</source>
        <translation>上传</translation>
    </message>
    <message>
        <source>receiving</source>
        <translation>下载</translation>
    </message>
    <message>
        <source>downloading everything again</source>
        <translation>重新下载全部数据</translation>
    </message>
    <message>
        <source>Syncing (%1): %2/%3</source>
        <translation>同步中（%1）：%2/%3</translation>
    </message>
    <message>
        <source>Syncing (%1): %2</source>
        <translation>同步中（%1）：%2</translation>
    </message>
    <message>
        <source>Syncing (%1)</source>
        <translation>同步中（%1）</translation>
    </message>
    <message>
        <source>Sync paused: waiting for your answer</source>
        <translation>同步已暂停：等待您确认</translation>
    </message>
    <message>
        <source>Sign in again to sync</source>
        <translation>需重新登录才能同步</translation>
    </message>
    <message>
        <source>Update the program to sync</source>
        <translation>需升级程序才能同步</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>Not connected yet</source>
        <translation>尚未连接</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>尚未同步</translation>
    </message>
    <message>
        <source>Last synced %1</source>
        <translation>上次同步 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>失败 %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>冲突 %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>待同步 %n</numerusform>
        </translation>
    </message>
    <message>
        <source> · </source>
        <translation> · </translation>
    </message>
    <message>
        <source>Not signed in: changes stay on this computer until you sign in to an account.</source>
        <translation>未登录：更改仅保存在本机，登录账号后才会同步到服务器。</translation>
    </message>
</context>
<context>
    <name>TableWriter</name>
    <message>
        <source>Cannot write %1. It may be open in Excel or WPS, or the folder may be read-only: close the file or choose another place, and try again.</source>
        <translation>无法写入 %1。该文件可能正在 Excel 或 WPS 中打开，或文件夹只读：请关闭该文件或换一个位置后重试。</translation>
    </message>
</context>
<context>
    <name>TokenStore</name>
    <message>
        <source>No system keychain is available, so your login is kept only while Jiliang runs; you will log in again at the next start. Nothing was written to disk.</source>
        <translation>系统钥匙串不可用，登录状态只保留到本次退出计量；下次启动需要重新登录。登录凭据未写入磁盘。</translation>
    </message>
</context>
<context>
    <name>VerificationRecordStore</name>
    <message>
        <source>The verification record no longer exists; it may have been matched or removed by the last sync.</source>
        <translation>该检定记录已不存在，可能已在上次同步中被匹配或删除。</translation>
    </message>
</context>
<context>
    <name>WarningLevel</name>
    <message>
        <source>Notice</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>预警</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>警示</translation>
    </message>
</context>
<context>
    <name>XlsReader</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not a readable Excel 97–2003 workbook (.xls), or it is damaged or password-protected. Open it in Excel or WPS, save it as .xlsx and retry.</source>
        <translation>%1 不是可读取的 Excel 97–2003 工作簿（.xls），或已损坏、设有密码。请在 Excel 或 WPS 中打开，另存为 .xlsx 后重试。</translation>
    </message>
    <message>
        <source>The file is protected by a password. Remove the password in Excel or WPS and import again.</source>
        <translation>文件设有密码。请在 Excel 或 WPS 中取消密码后重新导入。</translation>
    </message>
    <message>
        <source>%1 has no worksheet.</source>
        <translation>%1 中没有工作表。</translation>
    </message>
    <message>
        <source>%1 is damaged (cell %2%3 cannot be read).</source>
        <translation>%1 已损坏（无法读取单元格 %2%3）。</translation>
    </message>
</context>
<context>
    <name>XmlGuard</name>
    <message>
        <source>The file contains a document type declaration (DTD), which spreadsheet programs never write; it was refused to keep entity expansion out.</source>
        <translation>文件含有文档类型声明（DTD），电子表格软件不会写入这种内容；为防止实体扩展攻击，已拒绝该文件。</translation>
    </message>
    <message>
        <source>The file is damaged: part %1 is not valid XML. Open it in Excel or WPS, save it again and retry.</source>
        <translation>文件已损坏：部件 %1 不是有效的 XML。请在 Excel 或 WPS 中打开，重新保存后重试。</translation>
    </message>
    <message>
        <source>The file is a zip archive but not an Excel workbook (no worksheet found).</source>
        <translation>该文件是压缩包，但不是 Excel 工作簿（找不到工作表）。</translation>
    </message>
    <message>
        <source>The sheet declares more merged ranges than a spreadsheet can hold; it was not read.</source>
        <translation>工作表中的合并单元格区域多得超出常理；未读取该文件。</translation>
    </message>
</context>
<context>
    <name>ZipPackage</name>
    <message>
        <source>The file unpacks to far more data than a spreadsheet holds (a &quot;zip bomb&quot;); it was not read.</source>
        <translation>文件解压后的数据量远超任何电子表格（“压缩炸弹”）；未读取该文件。</translation>
    </message>
    <message>
        <source>%1 is damaged or incomplete (perhaps cut off while copying or downloading). Open it in Excel or WPS, save it again and retry.</source>
        <translation>%1 已损坏或不完整（可能在复制或下载时中断）。请在 Excel 或 WPS 中打开，重新保存后重试。</translation>
    </message>
    <message>
        <source>The file is protected by a password. Remove the password in Excel or WPS (File &gt; Info &gt; Protect Workbook) and import again.</source>
        <translation>文件设有密码。请在 Excel 或 WPS 中取消密码（文件 &gt; 信息 &gt; 保护工作簿）后重新导入。</translation>
    </message>
    <message>
        <source>The file uses a compression method spreadsheet programs do not use (method %1). Open it in Excel or WPS, save it as .xlsx and retry.</source>
        <translation>文件使用了电子表格软件不会使用的压缩方式（方式 %1）。请在 Excel 或 WPS 中打开，另存为 .xlsx 后重试。</translation>
    </message>
</context>
<context>
    <name>jl::app::AccountStart</name>
    <message>
        <source>Your login has expired. Log in again to sync; your unsynced changes are kept.</source>
        <translation>登录已过期。请重新登录以继续同步；尚未同步的修改会保留。</translation>
    </message>
    <message>
        <source>Another enterprise</source>
        <translation>其他企业</translation>
    </message>
    <message>
        <source>You logged in as %1, but this window belongs to %2. Use 切换账号 in the account menu to work with another enterprise.</source>
        <translation>您登录的是%1，但此窗口属于%2。如需处理其他企业的业务，请在账户菜单中使用“切换账号”。</translation>
    </message>
    <message>
        <source>No system keychain</source>
        <translation>系统钥匙串不可用</translation>
    </message>
    <message>
        <source>Unsynced changes</source>
        <translation>有未同步的修改</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) have not reached the server yet. They stay on this computer only if you keep the local data. Log out anyway?</source>
        <translation>
            <numerusform>有 %n 项修改尚未同步到服务器。只有保留本地数据，这些修改才会留在本机。仍要退出登录吗？</numerusform>
        </translation>
    </message>
    <message>
        <source>Keep local data?</source>
        <translation>保留本地数据？</translation>
    </message>
    <message>
        <source>Keep this enterprise&apos;s data on this computer? Yes keeps it for the next login; No deletes the local database and files of this account.</source>
        <translation>是否在本机保留该企业的数据？选择“是”保留，下次登录可继续使用；选择“否”将删除此账号的本地数据库和文件。</translation>
    </message>
    <message>
        <source>Cannot open the account</source>
        <translation>无法打开账号</translation>
    </message>
    <message>
        <source>First sync cancelled: the next sync goes on from where it stopped.</source>
        <translation>首次同步已取消：下次同步将从中断处继续。</translation>
    </message>
</context>
<context>
    <name>jl::models::ConflictListModel</name>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Changed here, deleted on the server</source>
        <translation>本机修改，服务器已删除</translation>
    </message>
    <message>
        <source>Deleted here, changed on the server</source>
        <translation>本机删除，服务器已修改</translation>
    </message>
    <message>
        <source>Changed on both sides</source>
        <translation>双方都修改了</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Kind of record</source>
        <translation>记录类型</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>冲突情况</translation>
    </message>
    <message>
        <source>Fields changed on both sides</source>
        <translation>双方都修改的字段</translation>
    </message>
    <message>
        <source>Found at</source>
        <translation>发现时间</translation>
    </message>
</context>
<context>
    <name>jl::models::Divisions</name>
    <message>
        <source>The administrative division data is not in the expected format.</source>
        <translation>行政区划数据的格式不正确。</translation>
    </message>
</context>
<context>
    <name>jl::models::OutboxListModel</name>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Action: %1</source>
        <translation>操作：%1</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>待同步</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Kind of record</source>
        <translation>记录类型</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <source>Made at</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>最近错误</translation>
    </message>
</context>
<context>
    <name>jl::models::UnmatchedRecordModel</name>
    <message>
        <source>Certificate no.</source>
        <translation>证书编号</translation>
    </message>
    <message>
        <source>Serial no.</source>
        <translation>出厂编号</translation>
    </message>
    <message>
        <source>Instrument name</source>
        <translation>器具名称</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>型号</translation>
    </message>
    <message>
        <source>Verification institution</source>
        <translation>检定机构</translation>
    </message>
    <message>
        <source>Verified on</source>
        <translation>检定日期</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Verification result</source>
        <translation>检定结论</translation>
    </message>
    <message>
        <source>State</source>
        <translation>处理状态</translation>
    </message>
    <message>
        <source>An instrument in the library now has this serial number. The record is matched when that change reaches the server.</source>
        <translation>在用计量器具库中已有器具使用此出厂编号。该修改同步到服务器后，这条检定记录即完成匹配。</translation>
    </message>
    <message>
        <source>Linked, waiting for sync</source>
        <translation>已关联，待同步</translation>
    </message>
    <message>
        <source>Unmatched</source>
        <translation>未匹配</translation>
    </message>
</context>
<context>
    <name>jl::models::WorkCalendar</name>
    <message>
        <source>The working-day calendar is not in the expected format, so it was not used.</source>
        <translation>工作日日历的格式不正确，因此未被采用。</translation>
    </message>
</context>
<context>
    <name>jl::sync::LoginFlow</name>
    <message>
        <source>Jiliang received the login. You can close this page and return to Jiliang.</source>
        <translation>计量已收到登录结果。您可以关闭此页面，返回计量。</translation>
    </message>
    <message>
        <source>The server could not be reached. Check the server address and the network connection, then try again.</source>
        <translation>无法连接服务器。请检查服务器地址和网络连接后重试。</translation>
    </message>
    <message>
        <source>The server address answered, but it is not a Jiliang server. Check the address.</source>
        <translation>该地址有响应，但不是计量服务器。请检查服务器地址。</translation>
    </message>
    <message>
        <source>Jiliang could not prepare to receive the login answer on this computer (no local port). Try again; if it keeps failing, restart the computer.</source>
        <translation>计量无法在本机准备接收登录结果（没有可用的本地端口）。请重试；如仍失败，请重启电脑。</translation>
    </message>
    <message>
        <source>The web browser could not be opened. Open this address in a browser to log in:
%1</source>
        <translation>无法打开浏览器。请在浏览器中打开以下地址登录：
%1</translation>
    </message>
    <message>
        <source>The login was cancelled.</source>
        <translation>登录已取消。</translation>
    </message>
    <message>
        <source>The login took too long and was stopped. Try again, and finish the login in the browser.</source>
        <translation>登录超时，已停止。请重试，并在浏览器中完成登录。</translation>
    </message>
    <message>
        <source>The login answer did not belong to this login attempt and was refused. Start the login again from Jiliang.</source>
        <translation>收到的登录结果不属于本次登录，已拒绝。请在计量中重新登录。</translation>
    </message>
    <message>
        <source>The server refused the login.</source>
        <translation>服务器拒绝了登录。</translation>
    </message>
    <message>
        <source>The server gave an answer Jiliang does not understand. Try again later.</source>
        <translation>服务器返回了无法识别的结果。请稍后重试。</translation>
    </message>
</context>
<context>
    <name>jl::sync::SyncWorker</name>
    <message>
        <source>No server is set up for this account.</source>
        <translation>此账号尚未设置服务器。</translation>
    </message>
</context>
<context>
    <name>jl::ui::AccountMenu</name>
    <message>
        <source>%1
Unified social credit code %2
Server %3</source>
        <translation>%1
统一社会信用代码 %2
服务器 %3</translation>
    </message>
    <message>
        <source>Account: %1</source>
        <translation>账户：%1</translation>
    </message>
    <message>
        <source>Change contact details</source>
        <translation>修改联系方式</translation>
    </message>
    <message>
        <source>Switch account</source>
        <translation>切换账号</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Log in with another account…</source>
        <translation>登录其他账号…</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>退出登录</translation>
    </message>
</context>
<context>
    <name>jl::ui::ActionBar</name>
    <message>
        <source>Actions</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Select one or more rows first</source>
        <translation>请先选中一行或多行</translation>
    </message>
    <message>
        <source>Select a row first</source>
        <translation>请先选中一行</translation>
    </message>
    <message>
        <source>Select exactly one row</source>
        <translation>请只选中一行</translation>
    </message>
</context>
<context>
    <name>jl::ui::ActiveInstrumentsScreen</name>
    <message>
        <source>Active instruments</source>
        <translation>在用计量器具库</translation>
    </message>
    <message>
        <source>No instruments yet. Add one with New (Ctrl+N).</source>
        <translation>还没有计量器具。请点击“新增”（Ctrl+N）添加。</translation>
    </message>
    <message>
        <source>No instruments match the filter. Press Reset to see them all.</source>
        <translation>没有符合筛选条件的计量器具。点击“重置”可查看全部。</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Add an instrument</source>
        <translation>新增计量器具</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Edit the selected instrument (double-click a row)</source>
        <translation>编辑选中的计量器具（也可双击该行）</translation>
    </message>
    <message>
        <source>Complete details</source>
        <translation>信息完善</translation>
    </message>
    <message>
        <source>Fill in the details needed to book an appointment</source>
        <translation>补全申请预约所需的信息</translation>
    </message>
    <message>
        <source>Batch edit</source>
        <translation>批量修改</translation>
    </message>
    <message>
        <source>Set the same values on all selected instruments</source>
        <translation>为所有选中的计量器具设置相同的内容</translation>
    </message>
    <message>
        <source>Move to history</source>
        <translation>移入曾用库</translation>
    </message>
    <message>
        <source>Move the selected instruments to the history library</source>
        <translation>将选中的计量器具移入曾用计量器具库</translation>
    </message>
    <message>
        <source>Could not read the instruments</source>
        <translation>无法读取计量器具</translation>
    </message>
    <message>
        <source>In the library: %1 %2 · %3 %4 · %5 %6</source>
        <translation>库内：%1 %2 · %3 %4 · %5 %6</translation>
    </message>
    <message>
        <source>Cannot open the instrument</source>
        <translation>无法打开该计量器具</translation>
    </message>
    <message>
        <source>Details complete</source>
        <translation>信息已完善</translation>
    </message>
    <message>
        <source>Instrument %1 has every detail needed to book an appointment.</source>
        <translation>计量器具 %1 的信息已完善，可以申请预约。</translation>
    </message>
    <message numerus="yes">
        <source>Batch edit of %n instrument(s)</source>
        <translation>
            <numerusform>批量修改 %n 个计量器具</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Move %n instrument(s) to the history library? They leave the active library and its warnings; you can restore them later, or undo now with Ctrl+Z.</source>
        <translation>
            <numerusform>将 %n 个计量器具移入曾用计量器具库？移入后它们将离开在用计量器具库，不再产生预警；以后可以恢复，也可以现在按 Ctrl+Z 撤消。</numerusform>
        </translation>
    </message>
    <message>
        <source>Not moved</source>
        <translation>未能移入曾用库</translation>
    </message>
    <message numerus="yes">
        <source>Move of %n instrument(s) to history</source>
        <translation>
            <numerusform>将 %n 个计量器具移入曾用库</numerusform>
        </translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Import instruments from an Excel or CSV file (or drop the file on the list)</source>
        <translation>从 Excel 或 CSV 文件导入计量器具（也可将文件拖到列表上）</translation>
    </message>
    <message>
        <source>Download template…</source>
        <translation>下载模板…</translation>
    </message>
    <message>
        <source>Save the import template, an Excel file with the columns import reads</source>
        <translation>保存导入模板：一个含有导入所需各列的 Excel 文件</translation>
    </message>
</context>
<context>
    <name>jl::ui::BatchEditDialog</name>
    <message numerus="yes">
        <source>Edit %n instrument(s)</source>
        <translation>
            <numerusform>批量修改 %n 个计量器具</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tick the fields to set on all %n selected instrument(s). Fields not ticked keep their values.</source>
        <translation>
            <numerusform>勾选要统一设置到所选 %n 个计量器具上的字段。未勾选的字段保持原值。</numerusform>
        </translation>
    </message>
    <message>
        <source>Change %1</source>
        <translation>修改%1</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Nothing to change</source>
        <translation>没有要修改的内容</translation>
    </message>
    <message>
        <source>Tick the fields to change first.</source>
        <translation>请先勾选要修改的字段。</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
</context>
<context>
    <name>jl::ui::ConflictDetail</name>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <source>Server&apos;s</source>
        <translation>服务器的</translation>
    </message>
    <message>
        <source>Mine and the server&apos;s, field by field</source>
        <translation>我的与服务器的，逐字段对比</translation>
    </message>
    <message>
        <source>Select a conflict to compare your version with the server&apos;s.</source>
        <translation>选中一个冲突，即可对比您的版本与服务器的版本。</translation>
    </message>
    <message>
        <source>: the server deleted this record. Keep mine makes it again; take the server&apos;s deletes it here too.</source>
        <translation>：服务器已删除此记录。“保留我的”会重新创建它；“采用服务器的”会在本机也删除它。</translation>
    </message>
    <message>
        <source>: you deleted this record. Keep mine deletes it on the server; take the server&apos;s brings it back with the server&apos;s values.</source>
        <translation>：您已删除此记录。“保留我的”会在服务器上也删除它；“采用服务器的”会按服务器的值恢复它。</translation>
    </message>
    <message>
        <source>: the marked fields were changed here and on the server. Keep mine sends your values; take the server&apos;s keeps its values.</source>
        <translation>：带标记的字段在本机和服务器上都被修改过。“保留我的”会发送您的值；“采用服务器的”会保留服务器的值。</translation>
    </message>
    <message>
        <source>(deleted)</source>
        <translation>（已删除）</translation>
    </message>
    <message>
        <source>≠ %1</source>
        <translation>≠ %1</translation>
    </message>
    <message>
        <source>Changed on both sides</source>
        <translation>双方都修改了</translation>
    </message>
</context>
<context>
    <name>jl::ui::ConflictsScreen</name>
    <message>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>No conflicts: every change agrees with the server.</source>
        <translation>没有冲突：所有更改都与服务器一致。</translation>
    </message>
    <message>
        <source>No conflict matches the filter. Press Reset to see them all.</source>
        <translation>没有符合筛选条件的冲突。按“重置”查看全部。</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>保留我的</translation>
    </message>
    <message>
        <source>Send your values of the marked fields to the server</source>
        <translation>将带标记字段的您的值发送到服务器</translation>
    </message>
    <message>
        <source>Take the server&apos;s</source>
        <translation>采用服务器的</translation>
    </message>
    <message>
        <source>Give up your values of the marked fields and keep the server&apos;s</source>
        <translation>放弃带标记字段的您的值，保留服务器的值</translation>
    </message>
    <message>
        <source>Could not read the conflicts</source>
        <translation>无法读取冲突</translation>
    </message>
    <message numerus="yes">
        <source>Keep your values in %n conflict(s) and send them to the server?</source>
        <translation>
            <numerusform>保留 %n 个冲突中您的值并发送到服务器？</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Take the server&apos;s values in %n conflict(s)? Your values of the marked fields are given up.</source>
        <translation>
            <numerusform>在 %n 个冲突中采用服务器的值？带标记字段的您的值将被放弃。</numerusform>
        </translation>
    </message>
    <message>
        <source>Conflict not resolved</source>
        <translation>冲突未处理</translation>
    </message>
</context>
<context>
    <name>jl::ui::DivisionSelector</name>
    <message>
        <source>Province</source>
        <translation>省</translation>
    </message>
    <message>
        <source>City</source>
        <translation>市</translation>
    </message>
    <message>
        <source>District or county</source>
        <translation>区县</translation>
    </message>
    <message>
        <source>Street or township</source>
        <translation>街道（乡镇）</translation>
    </message>
    <message>
        <source>Please select…</source>
        <translation>请选择…</translation>
    </message>
</context>
<context>
    <name>jl::ui::FilterBar</name>
    <message>
        <source>Filters</source>
        <translation>筛选条件</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>Apply the filter (Enter)</source>
        <translation>按筛选条件查询（Enter）</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Reset filters</source>
        <translation>清空筛选条件</translation>
    </message>
    <message>
        <source>More</source>
        <translation>展开</translation>
    </message>
    <message>
        <source>Show more filters</source>
        <translation>显示更多筛选条件</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>%1 from</source>
        <translation>%1（起）</translation>
    </message>
    <message>
        <source>%1 to</source>
        <translation>%1（止）</translation>
    </message>
    <message>
        <source>Less</source>
        <translation>收起</translation>
    </message>
    <message>
        <source>Show fewer filters</source>
        <translation>收起更多筛选条件</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>jl::ui::HistoryInstrumentsScreen</name>
    <message>
        <source>Instruments in history</source>
        <translation>曾用计量器具库</translation>
    </message>
    <message>
        <source>The history library is empty. Instruments moved out of use appear here.</source>
        <translation>曾用计量器具库为空。移出使用的计量器具会显示在这里。</translation>
    </message>
    <message>
        <source>No instruments in history match the filter. Press Reset to see them all.</source>
        <translation>曾用计量器具库中没有符合筛选条件的器具。点击“重置”可查看全部。</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Put the selected instruments back into the active library</source>
        <translation>将选中的计量器具恢复到在用计量器具库</translation>
    </message>
    <message>
        <source>Delete permanently</source>
        <translation>彻底删除</translation>
    </message>
    <message>
        <source>Delete the selected instruments for good</source>
        <translation>永久删除选中的计量器具</translation>
    </message>
    <message>
        <source>Could not read the instruments</source>
        <translation>无法读取计量器具</translation>
    </message>
    <message>
        <source>Cannot open the instrument</source>
        <translation>无法打开该计量器具</translation>
    </message>
    <message>
        <source>Not restored</source>
        <translation>未能恢复</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n instrument(s) permanently? This cannot be undone; the server is told to delete them too.</source>
        <translation>
            <numerusform>彻底删除这 %n 个计量器具？此操作无法撤消，服务器上的记录也会一并删除。</numerusform>
        </translation>
    </message>
    <message>
        <source>Not deleted</source>
        <translation>未能删除</translation>
    </message>
</context>
<context>
    <name>jl::ui::HomeScreen</name>
    <message>
        <source>Overview</source>
        <translation>信息总览</translation>
    </message>
    <message>
        <source>Active instruments</source>
        <translation>在用器具数</translation>
    </message>
    <message>
        <source>Instruments in history</source>
        <translation>历史器具数</translation>
    </message>
    <message>
        <source>Verification warnings</source>
        <translation>三色预警</translation>
    </message>
    <message>
        <source>Instruments in use whose certificate has expired or is about to: alert when expired, failed or never verified; warning within %1 days; notice within %2 days.</source>
        <translation>在用计量器具中检定证书已过期或即将到期的：已过期、检定不合格或无检定记录为警示；%1 天内到期为预警；%2 天内到期为提示。</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>首页</translation>
    </message>
    <message>
        <source>The overview: how many instruments are active and in history, and how many carry each warning. Click a number to open the list behind it.</source>
        <translation>信息总览：在用和历史计量器具各有多少，以及各级预警的器具数量。点击数字可打开对应的列表。</translation>
    </message>
    <message>
        <source>Open the list</source>
        <translation>打开列表</translation>
    </message>
</context>
<context>
    <name>jl::ui::ImportDialog</name>
    <message>
        <source>Import instruments</source>
        <translation>导入计量器具</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>未选择文件</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>Header row</source>
        <translation>表头行</translation>
    </message>
    <message>
        <source>The row that names the columns; rows above it are ignored</source>
        <translation>写有列名的那一行；其上方的行不导入</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Header row:</source>
        <translation>表头行：</translation>
    </message>
    <message>
        <source>First rows of the file</source>
        <translation>文件的前几行</translation>
    </message>
    <message>
        <source>Column mapping</source>
        <translation>列对应关系</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Serial numbers already in the library</source>
        <translation>器具库中已存在的出厂编号</translation>
    </message>
    <message>
        <source>Update those instruments with the file&apos;s values</source>
        <translation>用文件中的内容更新这些计量器具</translation>
    </message>
    <message>
        <source>Skip those rows</source>
        <translation>跳过这些行</translation>
    </message>
    <message>
        <source>Rows with problems</source>
        <translation>有问题的行</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Save report…</source>
        <translation>保存报告…</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>重新检查</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.xls *.csv);;All files (*)</source>
        <translation>电子表格 (*.xlsx *.xls *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Choose the file to import</source>
        <translation>选择要导入的文件</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <source>Cancelled; choose the file again to import it.</source>
        <translation>已取消；如要导入，请重新选择文件。</translation>
    </message>
    <message>
        <source>Cannot import this file</source>
        <translation>无法导入此文件</translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>正在检查 %1…</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>正在导入 %1…</translation>
    </message>
    <message>
        <source>Check cancelled. Press Check again to see what the import would do.</source>
        <translation>检查已取消。点击“重新检查”可查看导入结果预览。</translation>
    </message>
    <message>
        <source>If imported now: %1 added, %2 updated, %3 skipped, %4 rejected. Nothing has been imported yet.</source>
        <translation>如现在导入：新增 %1，更新 %2，跳过 %3，拒绝 %4。目前尚未导入任何内容。</translation>
    </message>
    <message>
        <source>Cannot import</source>
        <translation>无法导入</translation>
    </message>
    <message>
        <source>Import cancelled; nothing was imported.</source>
        <translation>导入已取消，未导入任何内容。</translation>
    </message>
    <message>
        <source>Import cancelled</source>
        <translation>导入已取消</translation>
    </message>
    <message>
        <source>The import was cancelled; nothing was imported.</source>
        <translation>导入已取消，未导入任何内容。</translation>
    </message>
    <message>
        <source>Nothing imported</source>
        <translation>未导入任何内容</translation>
    </message>
    <message>
        <source>%1

Nothing was imported.</source>
        <translation>%1

未导入任何内容。</translation>
    </message>
    <message>
        <source>Imported: %1 added, %2 updated, %3 skipped, %4 rejected.</source>
        <translation>导入完成：新增 %1，更新 %2，跳过 %3，拒绝 %4。</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <source>The first %1 problems are listed; the saved report has all %2.</source>
        <translation>此处列出前 %1 个问题；保存的报告包含全部 %2 个。</translation>
    </message>
    <message>
        <source>The columns or the choice for existing serials changed: press Check again to see the new report, or Import.</source>
        <translation>列对应关系或已存在编号的处理方式已更改：点击“重新检查”查看新的报告，或直接“导入”。</translation>
    </message>
    <message>
        <source>%1 import report.xlsx</source>
        <translation>%1 导入报告.xlsx</translation>
    </message>
    <message>
        <source>Save the import report</source>
        <translation>保存导入报告</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Report not saved</source>
        <translation>报告未保存</translation>
    </message>
</context>
<context>
    <name>jl::ui::InitialSyncDialog</name>
    <message>
        <source>First sync</source>
        <translation>首次同步</translation>
    </message>
    <message>
        <source>Rebuild local cache</source>
        <translation>重建本地缓存</translation>
    </message>
    <message>
        <source>Downloading your enterprise&apos;s data from the server. You can cancel: the next sync goes on from where this one stopped.</source>
        <translation>正在从服务器下载本单位的数据。可以取消：下次同步将从中断处继续。</translation>
    </message>
    <message>
        <source>Downloading everything again from the server. Your unsynced changes are kept and sent as usual. You can cancel: the local data then stays as it was.</source>
        <translation>正在从服务器重新下载全部数据。尚未同步的修改会保留，并照常发送。可以取消：取消后本地数据保持原样。</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在开始…</translation>
    </message>
    <message>
        <source>Sync progress</source>
        <translation>同步进度</translation>
    </message>
    <message>
        <source>Records received:</source>
        <translation>已接收记录：</translation>
    </message>
    <message>
        <source>Rate:</source>
        <translation>速度：</translation>
    </message>
    <message>
        <source>Time taken:</source>
        <translation>已用时间：</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Sending this computer&apos;s changes…</source>
        <translation>正在发送本机的修改…</translation>
    </message>
    <message>
        <source>Receiving records…</source>
        <translation>正在接收记录…</translation>
    </message>
    <message>
        <source>Downloading all records…</source>
        <translation>正在下载全部记录…</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>The sync stopped before the end. It goes on at the next sync.</source>
        <translation>同步未完成即已停止，下次同步时将继续。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Cancelling after the current page…</source>
        <translation>正在取消，当前这一页处理完后停止…</translation>
    </message>
    <message>
        <source>%1 records/s</source>
        <translation>%1 条/秒</translation>
    </message>
</context>
<context>
    <name>jl::ui::InstrumentFieldEditor</name>
    <message>
        <source>Not set</source>
        <translation>未填写</translation>
    </message>
    <message>
        <source> months</source>
        <translation> 个月</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
</context>
<context>
    <name>jl::ui::InstrumentForm</name>
    <message>
        <source>New instrument</source>
        <translation>新增计量器具</translation>
    </message>
    <message>
        <source>Edit instrument %1</source>
        <translation>编辑计量器具 %1</translation>
    </message>
    <message>
        <source>Complete instrument %1</source>
        <translation>完善计量器具 %1 的信息</translation>
    </message>
    <message>
        <source>Instrument %1</source>
        <translation>计量器具 %1</translation>
    </message>
    <message>
        <source>These details are needed before an appointment can be booked for this instrument.</source>
        <translation>申请预约前，须先填写该计量器具的以下信息。</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>保存（Ctrl+S）</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>%1 (required)</source>
        <translation>%1（必填）</translation>
    </message>
    <message>
        <source>Choose the area down to the street or township.</source>
        <translation>请选择到街道（乡镇）一级。</translation>
    </message>
    <message>
        <source>Fill this in to complete the record.</source>
        <translation>请填写此项以完善器具信息。</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
</context>
<context>
    <name>jl::ui::LiaisonDialog</name>
    <message>
        <source>Complete the liaison&apos;s details</source>
        <translation>完善联络人员信息</translation>
    </message>
    <message>
        <source>For the verification work, the regulator needs a person to contact at your enterprise.</source>
        <translation>为便于强制检定业务的沟通联系，请填写贵单位的联络人员。</translation>
    </message>
    <message>
        <source>Contact person:</source>
        <translation>联系人：</translation>
    </message>
    <message>
        <source>Contact number:</source>
        <translation>联系方式：</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>jl::ui::ListFooter</name>
    <message numerus="yes">
        <source>%n record(s) in total</source>
        <translation>
            <numerusform>共 %n 条</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n selected</source>
        <translation>
            <numerusform>已选择 %n 项</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>jl::ui::ListScreen</name>
    <message>
        <source>List</source>
        <translation>列表</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Print the list as shown</source>
        <translation>按当前显示打印列表</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <source>Save the list as shown to a PDF file</source>
        <translation>将当前显示的列表保存为 PDF 文件</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>No records yet.</source>
        <translation>暂无记录。</translation>
    </message>
    <message>
        <source>No records match the filter. Press Reset to see all records.</source>
        <translation>没有符合筛选条件的记录。点击“重置”可查看全部记录。</translation>
    </message>
    <message>
        <source>Print %1</source>
        <translation>打印%1</translation>
    </message>
    <message>
        <source>%1 %2.pdf</source>
        <translation>%1 %2.pdf</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>PDF not saved</source>
        <translation>PDF 未保存</translation>
    </message>
    <message>
        <source>%1 list</source>
        <translation>%1列表</translation>
    </message>
    <message>
        <source>A long list</source>
        <translation>列表较长</translation>
    </message>
    <message>
        <source>The list shows %1 rows; printing them takes a while and many pages. Narrow the list with the filter first, or continue anyway?</source>
        <translation>当前列表有 %1 行，打印需要较长时间和大量纸张。建议先用筛选条件缩小范围；仍要继续吗？</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Save the list as shown to an Excel or CSV file</source>
        <translation>将当前显示的列表保存为 Excel 或 CSV 文件</translation>
    </message>
    <message>
        <source>%1 %2.xlsx</source>
        <translation>%1 %2.xlsx</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV，UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>正在写入 %1…</translation>
    </message>
    <message>
        <source>Export cancelled</source>
        <translation>已取消导出</translation>
    </message>
    <message>
        <source>The export was cancelled; no file was written.</source>
        <translation>导出已取消，未写入任何文件。</translation>
    </message>
    <message>
        <source>Not exported</source>
        <translation>未能导出</translation>
    </message>
</context>
<context>
    <name>jl::ui::ListTableView</name>
    <message>
        <source>Columns</source>
        <translation>显示列</translation>
    </message>
    <message>
        <source>Restore default columns</source>
        <translation>恢复默认列</translation>
    </message>
</context>
<context>
    <name>jl::ui::MainWindow</name>
    <message>
        <source>Measuring instruments under mandatory verification</source>
        <translation>强制检定计量器具</translation>
    </message>
    <message>
        <source>Jiliang</source>
        <translation>计量</translation>
    </message>
    <message>
        <source>Close tab</source>
        <translation>关闭标签页</translation>
    </message>
    <message>
        <source>Next tab</source>
        <translation>下一个标签页</translation>
    </message>
    <message>
        <source>Previous tab</source>
        <translation>上一个标签页</translation>
    </message>
    <message>
        <source>Help for this screen</source>
        <translation>本页帮助</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤消</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Unsynced changes: unknown</source>
        <translation>未同步的更改：未知</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) not yet synced</source>
        <translation>
            <numerusform>%n 项更改尚未同步</numerusform>
        </translation>
    </message>
    <message>
        <source>Local changes wait here until they are sent to the server.</source>
        <translation>本地更改先保存在本机，等待发送到服务器。</translation>
    </message>
    <message>
        <source>Help: %1</source>
        <translation>帮助：%1</translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation>请重新登录</translation>
    </message>
    <message>
        <source>The server says %1 of your %2 records of the kind %3 were deleted. That is a large part of them: apply the deletions here too?

Choose No to keep the local records and stop this sync; ask the person who manages the server if you did not expect this.</source>
        <translation>服务器表示，您的 %2 条“%3”记录中有 %1 条已被删除，占比较大：是否在本机也删除它们？

选择“否”将保留本地记录并停止本次同步；如果这不在预期之中，请联系服务器管理人员。</translation>
    </message>
    <message>
        <source>Many records deleted on the server</source>
        <translation>服务器上删除了大量记录</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <source>Send the waiting changes and fetch the server&apos;s</source>
        <translation>发送待同步的更改并获取服务器的更改</translation>
    </message>
    <message>
        <source>&amp;Sync</source>
        <translation>同步(&amp;S)</translation>
    </message>
    <message>
        <source>Keys: Ctrl+F filter, Enter search, Ctrl+N new, Delete move to history, Ctrl+Z undo, Ctrl+C copy rows, Ctrl+W close tab, Ctrl+Tab next tab, F5 sync now.</source>
        <translation>快捷键：Ctrl+F 筛选，Enter 查询，Ctrl+N 新增，Delete 移入曾用库，Ctrl+Z 撤消，Ctrl+C 复制行，Ctrl+W 关闭标签页，Ctrl+Tab 下一个标签页，F5 立即同步。</translation>
    </message>
    <message>
        <source>The server no longer accepts this computer&apos;s sign-in, so nothing can be synced now. Your changes are kept on this computer and are sent once you have signed in again.</source>
        <translation>服务器不再接受本机的登录，目前无法同步。您的更改仍保存在本机，重新登录后会发送。</translation>
    </message>
    <message>
        <source>Rebuild local cache</source>
        <translation>重建本地缓存</translation>
    </message>
    <message>
        <source>Download all of this enterprise&apos;s records from the server again and replace the local copies?

Changes not yet synced are kept and sent to the server. Local records the server no longer has are removed unless they have unsynced changes. This may take a while; you can cancel.</source>
        <translation>要从服务器重新下载本单位的全部记录，并替换本地副本吗？

尚未同步的修改会保留，并发送到服务器。服务器上已不存在的本地记录将被删除，但有未同步修改的记录除外。这可能需要一些时间，可以随时取消。</translation>
    </message>
    <message numerus="yes">
        <source>Local cache rebuilt: %n record(s) downloaded.</source>
        <translation>
            <numerusform>本地缓存已重建：已下载 %n 条记录。</numerusform>
        </translation>
    </message>
    <message>
        <source>Rebuild cancelled; the local data is as it was.</source>
        <translation>已取消重建，本地数据保持原样。</translation>
    </message>
    <message>
        <source>&amp;Rebuild local cache…</source>
        <translation>重建本地缓存(&amp;R)…</translation>
    </message>
    <message>
        <source>Download all records again; unsynced changes are kept</source>
        <translation>重新下载全部记录；未同步的修改会保留</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
</context>
<context>
    <name>jl::ui::MatchCandidatePane</name>
    <message>
        <source>Likely instruments</source>
        <translation>可能对应的器具</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>可信度</translation>
    </message>
    <message>
        <source>Serial no.</source>
        <translation>出厂编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>器具名称</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>型号</translation>
    </message>
    <message>
        <source>Install location</source>
        <translation>安装地点</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>依据</translation>
    </message>
    <message>
        <source>Select a verification record to see the instruments it most likely belongs to.</source>
        <translation>选择一条检定记录，查看它最可能对应的器具。</translation>
    </message>
    <message>
        <source>Likely instruments for certificate %1, serial number %2</source>
        <translation>证书 %1（出厂编号 %2）可能对应的器具</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>No instrument in the library looks like this record. If the instrument was never registered, add it with Import (Ctrl+N).</source>
        <translation>在用计量器具库中没有与此记录相似的器具。如果该器具从未备案，请用“导入”（Ctrl+N）添加。</translation>
    </message>
</context>
<context>
    <name>jl::ui::NavigationTree</name>
    <message>
        <source>Navigation</source>
        <translation>导航菜单</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>jl::ui::OptionalDateEdit</name>
    <message>
        <source>Not set</source>
        <translation>未填写</translation>
    </message>
    <message>
        <source>Press Delete to clear the date</source>
        <translation>按 Delete 键清空日期</translation>
    </message>
</context>
<context>
    <name>jl::ui::PendingSyncDelegate</name>
    <message>
        <source>Changed locally, not yet synced</source>
        <translation>已在本地修改，尚未同步</translation>
    </message>
</context>
<context>
    <name>jl::ui::ScreenTabs</name>
    <message>
        <source>Open screens</source>
        <translation>已打开的页面</translation>
    </message>
</context>
<context>
    <name>jl::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Sync interval in minutes</source>
        <translation>同步间隔（分钟）</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>Sync &amp;every:</source>
        <translation>同步间隔(&amp;E)：</translation>
    </message>
    <message>
        <source>The program also syncs at start, when the network comes back, a few seconds after your changes and on F5.</source>
        <translation>此外，程序在启动时、网络恢复时、修改数据几秒后以及按 F5 时也会同步。</translation>
    </message>
    <message>
        <source>The system&apos;s proxy settings</source>
        <translation>使用系统代理设置</translation>
    </message>
    <message>
        <source>No proxy</source>
        <translation>不使用代理</translation>
    </message>
    <message>
        <source>Manual proxy</source>
        <translation>手动设置代理</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>&amp;Proxy:</source>
        <translation>代理(&amp;P)：</translation>
    </message>
    <message>
        <source>Proxy &amp;type:</source>
        <translation>代理类型(&amp;T)：</translation>
    </message>
    <message>
        <source>Proxy &amp;host:</source>
        <translation>代理服务器(&amp;H)：</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>端口(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>Leave empty to keep the saved password</source>
        <translation>留空则保留已保存的密码</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>密码(&amp;W)：</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Server &amp;address:</source>
        <translation>服务器地址(&amp;A)：</translation>
    </message>
    <message>
        <source>Used at the next login. The account signed in now stays on its own server.</source>
        <translation>下次登录时使用。当前已登录的账号仍使用其原来的服务器。</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Enter the proxy server&apos;s host name or IP address, or choose another proxy setting.</source>
        <translation>请填写代理服务器的主机名或 IP 地址，或选择其他代理设置。</translation>
    </message>
    <message>
        <source>The proxy host is a host name or an IP address only, without spaces, &quot;http://&quot; or a path (for example proxy.example.com).</source>
        <translation>代理服务器只填写主机名或 IP 地址，不要包含空格、“http://”或路径（例如 proxy.example.com）。</translation>
    </message>
    <message>
        <source>A proxy password needs a user name: enter the user name too.</source>
        <translation>填写代理密码时也须填写用户名。</translation>
    </message>
    <message>
        <source>The server address is not valid. Enter it as http://host:port or https://host, as your administrator gave it.</source>
        <translation>服务器地址无效。请按管理员提供的地址填写，格式为 http://主机:端口 或 https://主机。</translation>
    </message>
    <message>
        <source>The proxy password could not be saved in the system keychain, and it is never written anywhere else. Unlock or set up the keychain, or leave the password empty.</source>
        <translation>代理密码无法保存到系统钥匙串，程序也不会把它写到其他任何地方。请解锁或设置系统钥匙串，或者不填写密码。</translation>
    </message>
</context>
<context>
    <name>jl::ui::StartScreen</name>
    <message>
        <source>Log in to Jiliang</source>
        <translation>登录计量</translation>
    </message>
    <message>
        <source>Measuring instruments under mandatory verification</source>
        <translation>强制检定计量器具管理</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <source>Server address:</source>
        <translation>服务器地址：</translation>
    </message>
    <message>
        <source>Government service login (legal person)</source>
        <translation>政务服务网登录（法人）</translation>
    </message>
    <message>
        <source>Cancel login</source>
        <translation>取消登录</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>去注册</translation>
    </message>
    <message>
        <source>Registration guide for legal persons</source>
        <translation>法人注册指南</translation>
    </message>
    <message>
        <source>The web browser could not be opened. Open this address in a browser:
%1</source>
        <translation>无法打开浏览器。请在浏览器中打开以下地址：
%1</translation>
    </message>
    <message>
        <source>Enter the server address, such as http://127.0.0.1:8080.</source>
        <translation>请填写服务器地址，例如 http://127.0.0.1:8080。</translation>
    </message>
    <message>
        <source>Opening the login page in your web browser…</source>
        <translation>正在浏览器中打开登录页面…</translation>
    </message>
    <message>
        <source>Log in in the web browser with the legal person&apos;s account. Jiliang continues by itself when you are done.</source>
        <translation>请在浏览器中使用法人账号登录。登录完成后计量会自动继续。</translation>
    </message>
    <message>
        <source>Logged in as %1.</source>
        <translation>已登录：%1。</translation>
    </message>
    <message>
        <source>Connecting to the server…</source>
        <translation>正在连接服务器…</translation>
    </message>
</context>
<context>
    <name>jl::ui::StatCard</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1: unavailable</source>
        <translation>%1：无法获取</translation>
    </message>
</context>
<context>
    <name>jl::ui::SyncIndicator</name>
    <message>
        <source>Open the sync status: changes the server refused</source>
        <translation>打开同步状态：被服务器拒绝的更改</translation>
    </message>
    <message>
        <source>Open the conflicts to decide between your values and the server&apos;s</source>
        <translation>打开冲突，在您的值与服务器的值之间作出选择</translation>
    </message>
</context>
<context>
    <name>jl::ui::SyncStatusScreen</name>
    <message>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <source>Send the waiting changes and fetch the server&apos;s (F5)</source>
        <translation>发送待同步的更改并获取服务器的更改（F5）</translation>
    </message>
    <message>
        <source>Sync status</source>
        <translation>同步状态</translation>
    </message>
    <message>
        <source>Every change has reached the server: nothing is waiting.</source>
        <translation>所有更改都已到达服务器，没有待同步的内容。</translation>
    </message>
    <message>
        <source>No waiting change matches the filter. Press Reset to see them all.</source>
        <translation>没有符合筛选条件的待同步更改。按“重置”查看全部。</translation>
    </message>
    <message>
        <source>Record or error</source>
        <translation>记录或错误</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Send the selected changes again at the next sync</source>
        <translation>在下次同步时重新发送选中的更改</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <source>Give up the selected changes and put the records back as the server has them</source>
        <translation>放弃选中的更改，使记录恢复为服务器上的内容</translation>
    </message>
    <message>
        <source>Could not read the waiting changes</source>
        <translation>无法读取待同步的更改</translation>
    </message>
    <message>
        <source>Sync state</source>
        <translation>同步状态</translation>
    </message>
    <message>
        <source>Not retried</source>
        <translation>未能重试</translation>
    </message>
    <message numerus="yes">
        <source>Discard %n change(s)? They will never reach the server, and the records go back to how they were before (a new record that was never sent is removed). This cannot be undone.</source>
        <translation>
            <numerusform>放弃 %n 项更改？这些更改将不会发送到服务器，记录会恢复为更改前的样子（从未发送的新记录将被删除）。此操作无法撤消。</numerusform>
        </translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>放弃更改</translation>
    </message>
    <message>
        <source>Nothing was discarded</source>
        <translation>未放弃任何更改</translation>
    </message>
    <message>
        <source>Wait until the sync in progress has finished.</source>
        <translation>请等待正在进行的同步结束。</translation>
    </message>
</context>
<context>
    <name>jl::ui::UnmatchedRecordsScreen</name>
    <message>
        <source>Unmatched verification records</source>
        <translation>未匹配检定记录处理</translation>
    </message>
    <message>
        <source>Verification records from the institutions that match no instrument of the library, mostly because the instrument was never registered or its serial number was registered differently. Select a record: the instruments it most likely belongs to appear beside the list. Link (Enter) corrects the chosen instrument&apos;s serial number to the record&apos;s, after a confirmation; the server matches the record when that change is synced. Import (Ctrl+N) adds the instrument, the form filled in from the record.</source>
        <translation>检定机构上传、但未匹配到本企业任何器具的检定记录，原因一般是器具未备案，或备案的出厂编号与检定记录不一致。选中一条记录，右侧显示它最可能对应的器具。“关联”（回车）在确认后把所选器具的出厂编号改为记录上的编号，同步后服务器即完成匹配；“导入”（Ctrl+N）以记录内容预填新增表单，添加该器具。</translation>
    </message>
    <message>
        <source>No unmatched verification records: every certificate found its instrument.</source>
        <translation>没有未匹配的检定记录：所有检定证书都已匹配到器具。</translation>
    </message>
    <message>
        <source>No unmatched record matches the filter. Press Reset to see them all.</source>
        <translation>没有符合查询条件的未匹配记录。点击“重置”查看全部。</translation>
    </message>
    <message>
        <source>Serial no.</source>
        <translation>出厂编号</translation>
    </message>
    <message>
        <source>Instrument name</source>
        <translation>器具名称</translation>
    </message>
    <message>
        <source>Verification institution</source>
        <translation>检定机构</translation>
    </message>
    <message>
        <source>Verified on</source>
        <translation>检定日期</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>关联</translation>
    </message>
    <message>
        <source>Correct the selected instrument&apos;s serial number to the record&apos;s, so that the server matches them</source>
        <translation>把所选器具的出厂编号改为检定记录上的编号，以便服务器完成匹配</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Add the instrument to the library, the form filled in from the record</source>
        <translation>以检定记录内容预填表单，把该器具添加到在用计量器具库</translation>
    </message>
    <message>
        <source>Could not read the verification records</source>
        <translation>无法读取检定记录</translation>
    </message>
    <message numerus="yes">
        <source>%n linked, waiting for sync</source>
        <translation>
            <numerusform>%n 条已关联，待同步</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not look for likely instruments</source>
        <translation>无法查找可能对应的器具</translation>
    </message>
    <message>
        <source>No instrument in the library looks like this record</source>
        <translation>在用计量器具库中没有与此记录相似的器具</translation>
    </message>
    <message>
        <source>Not linked</source>
        <translation>未关联</translation>
    </message>
    <message>
        <source>Nothing to link</source>
        <translation>没有可关联的器具</translation>
    </message>
    <message>
        <source>No instrument in the library looks like record %1. If the instrument was never registered, add it with Import (Ctrl+N).</source>
        <translation>在用计量器具库中没有与检定记录 %1 相似的器具。如果该器具从未备案，请用“导入”（Ctrl+N）添加。</translation>
    </message>
    <message>
        <source>Already linked</source>
        <translation>已关联</translation>
    </message>
    <message>
        <source>Instrument %1 already has serial number %2. The record is matched when the change reaches the server.</source>
        <translation>器具“%1”的出厂编号已是 %2。该修改同步到服务器后，这条检定记录即完成匹配。</translation>
    </message>
    <message>
        <source>Change the serial number of instrument %1 from %2 to %3?

Certificate %4 of %5 names serial number %3. After the change is synced, the server matches the certificate to this instrument and updates its verification result and dates.</source>
        <translation>把器具“%1”的出厂编号由 %2 改为 %3？

%5 出具的证书 %4 记载的出厂编号是 %3。修改同步后，服务器会把该证书匹配到此器具，并更新其检定结论和日期。</translation>
    </message>
    <message>
        <source>Link to instrument</source>
        <translation>关联到器具</translation>
    </message>
    <message>
        <source>Cannot import</source>
        <translation>无法导入</translation>
    </message>
    <message>
        <source>View certificate</source>
        <translation>查看证书</translation>
    </message>
    <message>
        <source>Open the certificate file of the selected record</source>
        <translation>打开所选检定记录的证书文件</translation>
    </message>
    <message>
        <source>Cannot open the certificate</source>
        <translation>无法打开证书</translation>
    </message>
    <message>
        <source>No certificate file</source>
        <translation>没有证书文件</translation>
    </message>
    <message>
        <source>The institution sent no certificate file with record %1.</source>
        <translation>检定机构未随检定记录 %1 上传证书文件。</translation>
    </message>
    <message>
        <source>Certificate not downloaded yet</source>
        <translation>证书尚未下载</translation>
    </message>
    <message>
        <source>The certificate of record %1 is not on this computer yet. It is downloaded with the next sync (F5).</source>
        <translation>检定记录 %1 的证书尚未下载到本机，将在下次同步（F5）时下载。</translation>
    </message>
    <message>
        <source>The certificate %1 could not be opened.</source>
        <translation>无法打开证书 %1。</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Jiliang</source>
        <translation>计量</translation>
    </message>
    <message>
        <source>Jiliang is already running</source>
        <translation>计量客户端已在运行</translation>
    </message>
    <message>
        <source>Jiliang is already running for this data folder but did not answer. Close it, or wait a moment and start again.</source>
        <translation>计量客户端已在使用此数据文件夹运行，但没有响应。请将其关闭，或稍等片刻后重新启动。</translation>
    </message>
    <message>
        <source>Cannot start Jiliang</source>
        <translation>无法启动计量客户端</translation>
    </message>
</context>
</TS>
