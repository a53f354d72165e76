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
    <name>jl::models::Divisions</name>
    <message>
        <source>The administrative division data is not in the expected format.</source>
        <translation>行政区划数据的格式不正确。</translation>
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
        <source>Offline: not connected to the server</source>
        <translation>离线：未连接到服务器</translation>
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
        <source>Keys: Ctrl+F filter, Enter search, Ctrl+N new, Delete move to history, Ctrl+Z undo, Ctrl+C copy rows, Ctrl+W close tab, Ctrl+Tab next tab.</source>
        <translation>快捷键：Ctrl+F 筛选，Enter 查询，Ctrl+N 新增，Delete 移入曾用库，Ctrl+Z 撤消，Ctrl+C 复制行，Ctrl+W 关闭标签页，Ctrl+Tab 下一个标签页。</translation>
    </message>
    <message>
        <source>Help: %1</source>
        <translation>帮助：%1</translation>
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
