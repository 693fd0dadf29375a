package docx

import (
	"fmt"
	"strings"

	"github.com/gongkai/gongkai/generator/cite"
)

// slug suggests an ASCII file name: 2018-kunming-14 from 昆发〔2018〕14号 when the issuer code's
// place is known, 2018-14-3eb6ae5e when it is not, 2018-3eb6ae5e from the date alone, and the
// start of the file's hash when nothing is known.
func slug(m meta, digest string) string {
	short := digest[:8]
	if d, err := cite.ParseDocNumber(m.docNumber); err == nil && d.Order == "" {
		if code := codeSlug(d.Issuer); code != "" {
			return fmt.Sprintf("%d-%s-%d", d.Year, code, d.Seq)
		}
		return fmt.Sprintf("%d-%d-%s", d.Year, d.Seq, short)
	}
	if len(m.written) >= 4 {
		return m.written[:4] + "-" + short
	}
	return short
}

// places are the one-character place abbreviations 文号 start with (云发, 昆政办发).
var places = map[rune]string{
	'中': "zhongyang", '国': "guowuyuan", '京': "beijing", '津': "tianjin", '沪': "shanghai", '渝': "chongqing",
	'冀': "hebei", '晋': "shanxi", '辽': "liaoning", '吉': "jilin", '黑': "heilongjiang", '苏': "jiangsu",
	'浙': "zhejiang", '皖': "anhui", '闽': "fujian", '赣': "jiangxi", '鲁': "shandong", '豫': "henan",
	'鄂': "hubei", '湘': "hunan", '粤': "guangdong", '桂': "guangxi", '琼': "hainan", '川': "sichuan",
	'黔': "guizhou", '云': "yunnan", '滇': "yunnan", '藏': "xizang", '陕': "shaanxi", '甘': "gansu",
	'青': "qinghai", '宁': "ningxia", '新': "xinjiang", '昆': "kunming", '衡': "hengyang",
}

// codeChars spell the rest of an issuer code: 政办发 → zhengbanfa.
var codeChars = map[rune]string{
	'发': "fa", '办': "ban", '政': "zheng", '委': "wei", '厅': "ting", '字': "zi", '函': "han", '通': "tong",
	'党': "dang", '组': "zu", '民': "min", '财': "cai", '教': "jiao", '人': "ren", '社': "she", '农': "nong",
	'建': "jian", '卫': "wei", '规': "gui", '宣': "xuan", '纪': "ji", '法': "fa", '府': "fu",
}

// codeSlug spells an issuer code: 昆发 → kunming, 昆政办发 → kunming-zhengbanfa; "" when a
// character is not in the tables.
func codeSlug(code string) string {
	rs := []rune(code)
	if len(rs) == 0 {
		return ""
	}
	place, ok := places[rs[0]]
	if !ok {
		return ""
	}
	if string(rs[1:]) == "发" {
		return place
	}
	var b strings.Builder
	for _, r := range rs[1:] {
		s, ok := codeChars[r]
		if !ok {
			return ""
		}
		b.WriteString(s)
	}
	if b.Len() == 0 {
		return place
	}
	return place + "-" + b.String()
}
