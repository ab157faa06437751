"""Places far enough away to keep a member from the meeting: the provinces, the larger cities and
the countries members most often go abroad to.

A note beside an absentee that says only where they were (在北京, 去深圳了, 人在青岛) says why they were
away, as 在外地 does; a road or a building named after a city (在北京路社区, 上海大厦) does not.
"""

from __future__ import annotations

# the provincial-level divisions, in their short names
_PROVINCES = (
    "北京|天津|上海|重庆|河北|山西|内蒙古|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|广西|"
    "海南|四川|贵州|云南|西藏|陕西|甘肃|青海|宁夏|新疆|香港|澳门|台湾"
)
# the provincial capitals and the other cities people most often go to work or study in
_CITIES = (
    "石家庄|太原|呼和浩特|包头|沈阳|大连|长春|哈尔滨|南京|苏州|无锡|常州|南通|杭州|宁波|温州|义乌|合肥|福州|厦门|"
    "泉州|晋江|南昌|济南|青岛|烟台|郑州|武汉|长沙|广州|深圳|东莞|佛山|中山|珠海|惠州|海口|三亚|成都|贵阳|昆明|"
    "拉萨|西安|兰州|西宁|银川|乌鲁木齐|南宁|柳州|北海"
)
# the countries members most often go to study, work or visit family in
_COUNTRIES = (
    "美国|英国|法国|德国|意大利|西班牙|荷兰|瑞士|瑞典|俄罗斯|日本|韩国|新加坡|马来西亚|泰国|越南|印度尼西亚|"
    "澳大利亚|新西兰|加拿大|巴西|南非|埃及|阿联酋|沙特|巴基斯坦|哈萨克斯坦|老挝|柬埔寨|缅甸|蒙古"
)
# being in, or going to, one of them (not a road, street or building named after it: 北京路, 上海大厦)
ELSEWHERE = rf"(?:在|去|到|赴|回|人在|跑)了?(?:{_PROVINCES}|{_CITIES}|{_COUNTRIES})(?:省|市)?(?![路街巷道大厦广场花园小区饭店宾馆酒店])"
