package config

import (
	"fmt"
	"path"
	"strings"
)

// checkFavicon accepts a path the site publishes (from static/ or content/), e.g. /images/logo.png;
// empty means the theme's own icons (/favicon.svg and /favicon.ico).
func (c *Config) checkFavicon(file string) error {
	f := strings.TrimSpace(c.Favicon)
	c.Favicon = f
	if f == "" {
		return nil
	}
	if !strings.HasPrefix(f, "/") || strings.Contains(f, `\`) || strings.Contains(f, "..") || strings.ContainsAny(f, "?#\"'<> ") {
		return fmt.Errorf("%s: favicon %q 应是本站发布的文件路径，以 / 开头，如 favicon: /images/logo.png（文件放在 static/images/logo.png）", file, f)
	}
	switch strings.ToLower(path.Ext(f)) {
	case ".ico", ".png", ".svg", ".gif", ".jpg", ".jpeg", ".webp":
	default:
		return fmt.Errorf("%s: favicon %q 不是图标文件；用 .ico、.png 或 .svg", file, f)
	}
	return nil
}

// FaviconType is the MIME type of the configured favicon, for <link rel="icon" type=…>.
func (c *Config) FaviconType() string {
	switch strings.ToLower(path.Ext(c.Favicon)) {
	case ".ico":
		return "image/x-icon"
	case ".png":
		return "image/png"
	case ".svg":
		return "image/svg+xml"
	case ".gif":
		return "image/gif"
	case ".jpg", ".jpeg":
		return "image/jpeg"
	case ".webp":
		return "image/webp"
	}
	return ""
}
