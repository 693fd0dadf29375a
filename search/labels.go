package search

import "github.com/gongkai/gongkai/search/mapping"

// FacetLabels are the zh-CN headings of the filters.
func FacetLabels() map[string]string {
	return map[string]string{
		mapping.FieldType: "类型", mapping.FieldIssuer: "发文机关", mapping.FieldYear: "年份", mapping.FieldDept: "责任部门",
		mapping.FieldStatus: "时效", mapping.FieldLevel: "层级", mapping.FieldVillage: "村（社区）", mapping.FieldGenre: "文种", mapping.FieldTopic: "主题",
	}
}

// TypeLabels are the zh-CN names of the record types.
func TypeLabels() map[string]string {
	return map[string]string{
		"policy": "政策文件", "consultation": "意见征集", "disclosure": "公开公示", "page": "页面", "department": "部门",
	}
}
