# Writes notice.docx, the Word document readme_test.go imports as README.md step 3 says.
# python-docx (Debian: apt-get install python3-docx) starts from the default template Word
# itself wrote, so the file has the parts a real .docx has: styles, numbering, theme, settings,
# fonts and document properties. Run: python3 make-notice.py
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
d = Document()
p = d.add_paragraph("某某县人民政府办公室文件"); p.alignment = WD_ALIGN_PARAGRAPH.CENTER
p = d.add_paragraph("某政办发〔2026〕3号"); p.alignment = WD_ALIGN_PARAGRAPH.CENTER
p = d.add_paragraph("某某县人民政府办公室关于做好2026年城乡居民最低生活保障工作的通知"); p.alignment = WD_ALIGN_PARAGRAPH.CENTER
d.add_paragraph("各乡（镇）人民政府，县直各有关单位：")
d.add_paragraph("为进一步做好城乡居民最低生活保障工作，经县人民政府同意，现将有关事项通知如下。")
d.add_paragraph("一、明确工作目标")
d.add_paragraph("（一）做到应保尽保。各乡（镇）要按月审核低保对象，确保符合条件的困难群众及时纳入保障范围。")
d.add_paragraph("（二）做到公开透明。低保名单在村（居）务公开栏公示，公示期不少于7天。")
d.add_paragraph("二、压实工作责任")
t = d.add_table(rows=3, cols=3)
for i, row in enumerate([("序号","工作任务","责任单位"),("1","按月审核低保对象","县民政局、各乡（镇）人民政府"),("2","落实低保资金","县财政局")]):
    for j, c in enumerate(row): t.cell(i,j).text = c
d.add_paragraph("本通知自印发之日起施行。")
p = d.add_paragraph("某某县人民政府办公室"); p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
p = d.add_paragraph("2026年3月2日"); p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
d.save("notice.docx")
