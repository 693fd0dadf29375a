// 长者模式 (large text, high contrast). The header's checkbox switches it without JavaScript for
// the page in view (CSS :has); this script remembers the choice across pages and visits, and
// covers browsers without :has by setting the class the stylesheet also reads.
(function () {
  var key = "gongkai-elder", root = document.documentElement;
  try { if (localStorage.getItem(key) === "1") root.classList.add("elder"); } catch (e) {}
  document.addEventListener("DOMContentLoaded", function () {
    var box = document.getElementById("elder");
    if (!box) return;
    box.checked = root.classList.contains("elder");
    box.addEventListener("change", function () {
      root.classList.toggle("elder", box.checked);
      try { localStorage.setItem(key, box.checked ? "1" : "0"); } catch (e) {}
    });
  });
})();
