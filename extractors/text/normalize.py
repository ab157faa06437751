"""Text normalisation shared by the field extractors, and the repair of typical OCR slips.

``normalize`` is for every text. OCR text additionally goes through ``fix_ocr``
(character for character, so offsets into the raw text stay valid) before it is
split into sentences, and through ``normalize_ocr`` for matching. The slips are the
ones measured with PP-OCR on minutes: traditional characters for simplified ones
(brush handwriting reads as 會議/黨員), 《》 read as () or <>, ，read as ’ or ', ：read
as ；, and 0/O, 1/l confusions inside numbers.
"""

from __future__ import annotations

import re
import unicodedata
from importlib import resources

from extractors.text.homophones import homophones_undone

_SPACE = re.compile(r"\s+")


def normalize(text: str) -> str:
    """NFKC (full-width digits and punctuation to ASCII), simplified script, no white space.

    Chinese does not use spaces between words, so stray spaces such as
    ``12 月 23 日`` or ``李 光 振`` are dropped. Traditional characters become simplified
    ones character for character (``to_simplified``), so the same patterns read both
    scripts; ``as_written`` recovers a matched name in the script of the original.
    """
    folded = unicodedata.normalize("NFKC", _no_surrogates(text))
    return homophones_undone(_slips_undone(to_simplified(_SPACE.sub("", _as_named(uncorrected(folded))))))


# a member as a work chat writes them: a handle's @ before the name, an English name glued after it
# (@贾轩杰Tony(支部书记) / 魏明乐Lynn 领誓), or the English name with the Chinese one in brackets
# (Kevin(陈凯)领学; not 贾轩杰Tony(支部书记), a title in the brackets): the Chinese name alone. An
# English word glued to a word before more Chinese stays (用Word写), and so does a label after a line
# the sentence joined to it (庄文静Attendees:6/7).
_HANDLE = re.compile(
    r"(?<![A-Za-z])[A-Z][a-z]{1,9}\s?\((?P<name>[\u4e00-\u9fff·]{2,8})(?<!书记)(?<!委员)(?<!主任)(?<!经理)(?<![长员师总监])\)"
    r"|@(?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])[A-Z][a-z]{1,9}(?=[(,、;。]|\s+[\u4e00-\u9fff]|$)"
)


def _as_named(text: str) -> str:
    if "@" not in text and _LATIN_NAME.search(text) is None:  # most sentences have neither
        return text
    return _HANDLE.sub(lambda m: m["name"] or "", text)


_LATIN_NAME = re.compile(r"[A-Z][a-z]")


# a key word with one character of like shape read or written for another, where the slip makes no
# word of its own (OCR of handwriting, a page typed from it): 决席 / 誓调 / 记隶人 / 领字《…》 (not 主特:
# a presider read through a slip stays untrusted, ``officers``)
# (and slips by sound, of the pen or of a phone's speech recognition, read wherever they stand: 清假 for
# 请假, 宣事 for 宣誓, 竹池 or 由X主时/主次的 for 主持, 领式/领事 for 领誓, 领雪 for 领学, 入党试词 for 誓词;
# a key word with one character of like sound where its context says so: ``homophones``, which also reads
# 却席 for 缺席)
_NON_WORDS = {
    "决席": "缺席",
    "誓调": "誓词",
    "记隶": "记录",
    "清假": "请假",
    "宣事": "宣誓",
    "竹池": "主持",
    "领式": "领誓",
    "领雪": "领学",
    "试词": "誓词",
    "主次人": "主持人",
    "请暇": "请假",
    "签倒": "签到",
    "应刭": "应到",
    "实刭": "实到",
}
_SLIP = re.compile(
    "|".join(_NON_WORDS)
    + r"|领字(?=《)|应列(?=\d|:|人数)|主时(?=:)|(?<=[\u4e00-\u9fff])主时(?=[,;。]|$|会议|本次|此次|了|的)"
    + r"|(?<=[\u4e00-\u9fff])主次(?=会议|本次|此次|了|的|:)|领事(?![馆部官务])"
    + r"|(?<=[\u4e00-\u9fff])(?<!分清)(?<!区分)(?<!分)(?<!有)主次(?=[\s,;。，；]|$|应到|实到|应参加)"  # 马永福主次 (not 分清主次,)
)
_SLIP_WORDS = {"领字": "领学", "应列": "应到", "主时": "主持", "主次": "主持", "领事": "领誓", **_NON_WORDS}


def _slips_undone(text: str) -> str:
    return _SLIP.sub(lambda m: _SLIP_WORDS[m.group()], text)


# corrections written into a record and kept in its text: words struck through (~~15~~16, or each
# character followed by a combining stroke, 1̶5̶16) and a figure corrected in brackets (17(改18))
# (and a bracket the writer marked deleted, a leftover of an earlier record: （宣传委员X领学——沿用上月记录，
# 此段删除） / （删除：…）)
_STRUCK = re.compile(
    r"~~[^~\n]{1,40}~~|.[\u0335-\u0338]+"
    r"|[(](?!(?:已|现)?(?:改|改为|更正为|应为)\s*\d)[^()\n]{0,80}?[,、—\-]*(?:此段|此句|此行|本段|本句|该段|该句|以上)?已?(?:删除|删去|作废)[)]"
    r"|[(](?:删除|删去)[:][^()\n]{0,80}[)]"
)
# (a figure corrected in brackets, with the why after it: 实到22人(更正为21人,复核签到表时…已删除))
_CORRECTED = re.compile(
    r"\d{1,4}(?P<unit>\s*[人名]?)\s*\((?:已|现)?(?:改|改为|更正为|应为)\s*(?P<new>\d{1,4})[人名]?(?:[,;][^()\n]{0,80})?\)"
)


_MAY_BE_CORRECTED = re.compile(r"~~|[\u0335-\u0338]|\((?:改|更正|应为)|删|作废")  # one cheap look first


def uncorrected(text: str) -> str:
    """``text`` as it reads after its written corrections: struck words dropped, a corrected figure
    in place of the one it corrects."""
    if _MAY_BE_CORRECTED.search(text) is None:  # normalize runs on every sentence: most have none
        return text
    return _CORRECTED.sub(lambda m: m["new"] + m["unit"], _STRUCK.sub("", text))


# a lone surrogate (a broken PDF text layer) is no character any tool can encode: U+FFFD in its place
_SURROGATE = re.compile("[\ud800-\udfff]")


def _no_surrogates(text: str) -> str:
    return _SURROGATE.sub("\ufffd", text)


def as_written(found: str, text: str) -> str:
    """``found`` (read from ``normalize(text)``) in the script ``text`` was written in."""
    folded = _SPACE.sub("", unicodedata.normalize("NFKC", _no_surrogates(text)))
    at = to_simplified(folded).find(found)
    if at < 0 and "·" in found:  # a transcribed name whose dot was typed as a stop or a dash
        m = re.search("[·.。\\-－‐]".join(map(re.escape, found.split("·"))), to_simplified(folded))
        at = m.start() if m else -1
    if at < 0:
        return found
    raw = _SPACE.sub("", text)  # full-width brackets as written, when NFKC kept every character one
    return raw[at : at + len(found)] if len(raw) == len(folded) else folded[at : at + len(found)]


CJK = r"\u4e00-\u9fff"

# ----------------------------------------------------------------- OCR slips

# Traditional -> simplified for the characters minutes use (pairs "繁简"). Only characters
# that are not themselves in use as simplified characters (no 乾, 著, 藉, 瞭, 夥 ...).
_T2S_PAIRS = """
會会 議议 黨党 員员 記记 錄录 學学 習习 領领 導导 組组 織织 書书 誌志 傳传 達达 關关 於于 對对 話话
說说 説说 們们 來来 時时 間间 個个 為为 爲为 這这 國国 與与 業业 開开 發发 經经 過过 還还 進进 讓让
從从 點点 無无 實实 現现 動动 後后 長长 東东 當当 種种 麼么 麽么 裡里 裏里 樣样 沒没 軍军 機机 將将
兩两 問问 應应 戰战 頭头 體体 見见 產产 內内 給给 門门 兒儿 聲声 論论 處处 義义 幾几 認认 條条 氣气
題题 爾尔 別别 變变 總总 電电 數数 報报 結结 務务 場场 計计 資资 許许 統统 區区 隊队 決决 馬马 則则
聽听 卻却 強强 難难 權权 設设 類类 據据 邊边 張张 該该 規规 萬万 覺觉 術术 確确 師师 觀观 識识 帶带
爭争 運运 飛飞 風风 幹干 聯联 濟济 車车 親亲 極极 辦办 證证 轉转 準准 遠远 單单 羅罗 愛爱 擊击 備备
連连 調调 質质 團团 價价 華华 級级 離离 況况 亞亚 請请 際际 約约 復复 線线 斷断 滿满 視视 須须 寫写
稱称 嗎吗 輕轻 農农 裝装 廣广 顯显 標标 談谈 圖图 歷历 醫医 專专 費费 號号 盡尽 儘尽 較较 語语 僅仅
隨随 選选 紅红 響响 雖虽 勢势 參参 眾众 衆众 構构 節节 維维 劃划 敵敌 陳陈 態态 護护 興兴 驗验 責责
營营 嚴严 續续 講讲 終终 緊紧 黃黄 絕绝 項项 圍围 雙双 紀纪 採采 舉举 殺杀 蘇苏 訴诉 細细 願愿 錢钱
網网 熱热 屬属 臉脸 職职 樂乐 剛刚 狀状 獨独 彈弹 創创 錯错 蘭兰 試试 腦脑 預预 誰谁 陽阳 繼继 驚惊
傷伤 藥药 適适 衛卫 險险 陸陆 勞劳 財财 環环 納纳 歡欢 獲获 負负 雲云 遊游 龍龙 樹树 層层 衝冲 範范
異异 漢汉 簡简 擔担 靜静 積积 餘余 檢检 靈灵 協协 勝胜 階阶 審审 堅坚 媽妈 劉刘 讀读 壓压 銀银 買买
養养 懷怀 執执 亂乱 幫帮 歲岁 優优 鐵铁 稅税 藝艺 陣阵 腳脚 惡恶 塊块 頓顿 島岛 戶户 評评 寶宝 釋释
顧顾 貨货 歐欧 換换 聞闻 壞坏 討讨 麗丽 監监 臨临 艦舰 魚鱼 雜杂 誤误 輪轮 溫温 賀贺 獻献 慶庆 彙汇
貫贯 徹彻 屆届 課课 擁拥 綱纲 犧牺 奮奋 鬥斗 齊齐 禮礼 貢贡 簽签 勵励 測测 輔辅 訊讯 辦办 樓楼 廳厅
診诊 療疗 鄉乡 鎮镇 縣县 廠厂 庫库 趙赵 孫孙 楊杨 吳吴 鄭郑 蔣蒋 韓韩 馮冯 鄧邓 蕭萧 葉叶 盧卢 賈贾
譚谭 湯汤 閻阎 龔龚 貝贝 濤涛 凱凯 曉晓 偉伟 鵬鹏 鳳凤 瑩莹 傑杰 詩诗 輝辉 寧宁 壯壮 榮荣 瓊琼 潔洁
鋒锋 賢贤 鍵键 園园 圓圆 貴贵 購购 繳缴 贈赠 贊赞 讚赞 誕诞 週周 碼码 擬拟 訂订 畫画 館馆 絡络 頻频
紙纸 筆笔 聖圣 戀恋 盤盘 鏡镜 鐘钟 鍾钟 針针 鋼钢 銅铜 銷销 鎖锁 鏈链 鍛锻 鍊炼 煉炼 練练 緣缘 綠绿
縱纵 繩绳 繪绘 繡绣 紛纷 紡纺 紋纹 綜综 緒绪 編编 緩缓 緯纬 縮缩 繫系 係系 遞递 遲迟 遺遗 遷迁 違违
遙遥 邁迈 鄰邻 陰阴 隱隐 雞鸡 顏颜 額额 順顺 頁页 頂顶 飄飘 飯饭 飲饮 飽饱 騎骑 驅驱 駐驻 髒脏 鬧闹
魯鲁 鮮鲜 鳥鸟 鳴鸣 鹽盐 麥麦 齒齿 閃闪 閉闭 閑闲 閒闲 閱阅 闊阔 闡阐 軌轨 軟软 載载 輛辆 輸输 贏赢
賣卖 賽赛 貸贷 賓宾 賠赔 喪丧 傘伞 倆俩 倫伦 偽伪 側侧 偵侦 億亿 價价 儀仪 儲储 冊册 凍冻 劇剧 劍剑
勁劲 勸劝 厲厉 叢丛 呂吕 啟启 喚唤 嘆叹 嘗尝 噴喷 嚇吓 囑嘱 壘垒 壺壶 夢梦 夠够 奪夺 奧奥 婦妇 嬰婴
寬宽 寵宠 尋寻 峽峡 崗岗 嶺岭 幣币 帥帅 廁厕 廂厢 廢废 彥彦 徑径 徵征 恆恒 悶闷 慘惨 慣惯 慮虑 憂忧
憶忆 懶懒 戲戏 拋抛 挾挟 捨舍 掃扫 掛挂 揚扬 損损 搖摇 搶抢 摯挚 撐撑 撥拨 撫抚 擇择 擠挤 擴扩 擺摆
攔拦 攜携 攝摄 敗败 敘叙 斂敛 斬斩 晉晋 晝昼 暈晕 暢畅 暫暂 曆历 曠旷 橋桥 橫横 檔档 櫃柜 歸归 殘残
殼壳 毀毁 淚泪 淺浅 減减 渦涡 溝沟 滅灭 滬沪 滯滞 漁渔 潛潜 潤润 澀涩 濃浓 濕湿 濫滥 灣湾 災灾 烏乌
煙烟 煩烦 燈灯 燒烧 燦灿 爐炉 爺爷 牆墙 獄狱 獎奖 獵猎 畢毕 癢痒 盜盗 睜睁 矯矫 礎础 磚砖 礙碍 禍祸
禦御 穩稳 窮穷 竊窃 競竞 築筑 籃篮 糧粮 糾纠 綁绑 締缔 績绩 繞绕 罰罚 罵骂 聰聪 肅肃 脅胁 脈脉 脫脱
腫肿 膽胆 膚肤 臟脏 舊旧 艙舱 艱艰 莊庄 蓋盖 蔥葱 薦荐 薩萨 藍蓝 蘆芦 蘋苹 虛虚 蝦虾 蟲虫 蠟蜡 補补
製制 複复 襲袭 覽览 觸触 訓训 訪访 註注 詞词 誇夸 誠诚 諸诸 謀谋 謂谓 謝谢 譜谱 譯译 豈岂 豐丰 豬猪
貓猫 貧贫 販贩 貪贪 貼贴 貿贸 賜赐 賞赏 賤贱 賦赋 賬账 賭赌 賴赖 趕赶 趨趋 躍跃 軒轩 輩辈 轄辖 轟轰
辭辞 迴回 遼辽 郵邮 醜丑 鈔钞 鈴铃 鉛铅 鋪铺 錦锦 鑰钥 閣阁 隻只 霧雾 韻韵 頑顽 頒颁 飾饰 餅饼 饒饶
駛驶 駕驾 騙骗 騰腾 髮发 鬆松 鴻鸿 鶴鹤 麵面 齡龄 龜龟 實实 溝沟 稿稿 黨党 証证 綫线 敎教 眞真
揮挥 鏗铿 鏘锵 誦诵 礪砺 龐庞 錘锤 醞酝 釀酿 傾倾 紐纽 輯辑 鑄铸 踐践 猶犹 湧涌 諾诺 櫛栉 緬缅 蹟迹
蠅蝇 佈布 鋤锄 鍬锹 淨净 諧谐 撰撰 並并 於于 裏里 麼么 衆众 啓启 匯汇 姦奸 祕秘 綵彩 鬱郁 餘余 擧举
"""


def _opencc_pairs() -> dict[str, str]:
    """The generated table (scripts/make_t2s_table.py): every other traditional character."""
    text = resources.files("extractors.text").joinpath("data/t2s.txt").read_text("utf-8")
    return {row[0]: row[1] for row in text.splitlines() if len(row) == 2 and not row.startswith("#")}


_T2S = _opencc_pairs() | {pair[0]: pair[1] for pair in _T2S_PAIRS.split() if pair[0] != pair[1]}
_T2S_TABLE = str.maketrans(_T2S)

# 《》 misread as () <> 〈〉 «» around a title after a study verb (one character each, so offsets hold).
_TITLE_BRACKETS = re.compile(
    r"(?P<verb>领学|领读|学习)(?P<le>了?)[(（<〈«「《](?P<t>[^()（）<>〈〉«»《》「」。；;，,]{2,40})[)）>〉»」》]"
)
# ，misread as ’ ' ‘ ` between two Chinese characters.
_COMMA = re.compile(rf"(?<=[{CJK}])[’‘'`](?=[{CJK}])")
# O/o read for 0 and l/I/| for 1 inside numbers; 曰 for 日 after a day number.
_DIGIT_LIKE = re.compile(r"(?<=\d)[OolI|]|[OolI|](?=\d)")
_DAY = re.compile(r"(?<=\d)曰")
# A title whose 《 was dropped: 领学习近平…》 -> 领学《习近平…》 (normalised text only).
_OPEN_MISSING = re.compile(r"(?P<verb>领学了?|学习了?)(?P<t>[^《》,;。:]{2,40}》)")


def to_simplified(text: str) -> str:
    return text.translate(_T2S_TABLE)


def _digit(ch: str) -> str:
    return _LETTER_DIGITS.get(ch, "1")


_LETTER_DIGITS = {"O": "0", "o": "0", "S": "5", "Z": "2", "B": "8"}
# S/Z/B read for 5/2/8 in a count of people (实到人数:3S人), not in a name or model (4S店, B2)
_COUNT_LETTER = re.compile(r"(?<=\d)(?<![A-Za-z]\d)[SZB](?=\d?[人名位])|(?<![A-Za-z\d])[SZB](?=\d[人名位])")


# the same slips in typed text (OCR output pasted into a document: 应到2l 实到l8); no bar, a table's
_TYPED_DIGIT_LIKE = re.compile(
    r"(?<=\d)(?<![A-Za-z]\d)[OolI](?![A-Za-z])|(?<![A-Za-z])[OolI](?=\d)(?!\d[A-Za-z])"
)

# ... and a count of people written in letters alone, after a count word: 到會ll人, 請假l人
_LETTERS_COUNT = re.compile(r"(?<=[到会會假席员員实實应應缺])[lIOo]{1,2}(?=[人名])")


def fix_typed_digits(text: str) -> str:
    """O/o read for 0 and l/I for 1 inside a number of typed text (``2O``, ``l8``), and S/Z/B for
    5/2/8 in a count of people (``3S人``), a count in letters alone (``到會ll人``), character for character; a letter inside a word (``No1``,
    ``O2O``, ``B2l``, ``4S店``) stays."""
    text = _COUNT_LETTER.sub(lambda m: _digit(m.group()), text)
    text = _LETTERS_COUNT.sub(lambda m: "".join(map(_digit, m.group())), text)
    return _TYPED_DIGIT_LIKE.sub(lambda m: _digit(m.group()), text)


def fix_ocr(text: str) -> str:
    """Undo OCR slips character for character (``len(fix_ocr(t)) == len(t)``)."""
    text = to_simplified(text)
    text = _TITLE_BRACKETS.sub(lambda m: f"{m['verb']}{m['le']}《{m['t']}》", text)
    text = _COMMA.sub("，", text)
    text = _DAY.sub("日", text)
    text = _COUNT_LETTER.sub(lambda m: _digit(m.group()), text)
    return _DIGIT_LIKE.sub(lambda m: _digit(m.group()), text)


def normalize_ocr(text: str) -> str:
    """``normalize`` for OCR text: slips fixed, a dropped 《 restored."""
    norm = normalize(fix_ocr(text))
    return _OPEN_MISSING.sub(lambda m: _reopen(m, norm), norm)


def _reopen(m: re.Match[str], text: str) -> str:
    before = text[: m.start()]
    if before.count("《") > before.count("》"):  # 学习 inside a title: 《…报告学习辅导百问》
        return m.group()
    return f"{m['verb']}《{m['t']}"


# ----------------------------------------------------------------- fuzzy matching


def is_subsequence(short: str, long: str) -> bool:
    """Whether every character of ``short`` stands in ``long`` in the same order (董怡 in 董欣怡,
    《学习纲要》 in 《…思想学习纲要》): a word written with characters left out."""
    rest = iter(long)
    return all(ch in rest for ch in short)


# characters OCR confuses by their shape (主特人 for 主持人, 宝到 for 实到, 末请假 for 未请假)
SHAPE_ALIKE: tuple[frozenset[str], ...] = tuple(
    frozenset(group)
    for group in ("持特侍", "入人八", "未末", "已己巳", "实宝", "席度", "到倒", "请清情", "员贝", "讲进")
)


def shape_slip(a: str, b: str) -> bool:
    """``a`` and ``b`` differ in one place only, by two characters of like shape."""
    diff = [(x, y) for x, y in zip(a, b, strict=False) if x != y] if len(a) == len(b) else []
    return len(diff) == 1 and any(set(diff[0]) <= group for group in SHAPE_ALIKE)


def edit_distance(a: str, b: str, limit: int = 2) -> int:
    """Levenshtein distance of two short strings, capped at ``limit + 1``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i]
        for j, cb in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return min(previous[-1], limit + 1)
