from kg.ingest.split import split_page

PAGE = """市交通运输局发布提示：

乘坐公共交通工具须全程佩戴口罩

本报讯（记者 甲乙 通讯员 丙丁）昨日，记者自市交通运输局了解到，市交通运输局日前发布温馨提示，提醒乘客乘坐公交、出租车出行时必须全程佩戴口罩，否则驾驶员有权不予

提供服务。进入冬季以来，各地已经出现了多起散发疫情。

黄某某：

“能帮到别人，就是我最快乐的事！”

■本报记者 唐某

十几年来，他通过自身捐款、社会筹款等多种途径，为很多的贫困家庭提供资金及物资的援助，用爱心点亮他人的生命之光。（下转第四版②）

写字楼招租

位于环城北路三号有1500平方米写字楼对外招租，有物业、新电梯，位置优越，交通便利。

联系人：王先生 电话：15173453695
"""


def test_split_headlines_bylines_jumps_and_ads():
    pieces = split_page(PAGE)
    assert [k for _, _, k in pieces] == ["article", "article", "ad"]
    (t1, a1, _), (t2, a2, _), (t3, a3, _) = pieces
    assert t1 == "市交通运输局发布提示： 乘坐公共交通工具须全程佩戴口罩"
    assert "有权不予提供服务。" in a1          # a paragraph cut by a column break is joined
    assert t2.startswith("黄某某：")
    assert "下转第四版" not in a2
    assert t3 == "写字楼招租" and "15173453695" in a3   # the advertisement is kept apart, marked as one


def test_split_photo_credit_does_not_cut_a_paragraph():
    page = ("标题一个\n\n本报讯（记者 甲乙）回家一番合计后决定，把陈旧的东西都修一修再说吧我们一起来把\n\n"
            "杨梅组的幸福屋场 ■张某 摄\n\n堂屋、棚子一一修缮。")
    (_, text, kind), = split_page(page)
    assert kind == "article"
    assert "把堂屋、棚子一一修缮。" in text and text.endswith("■张某 摄")


def test_split_a_web_pages_furniture_starts_no_article():
    page = ("五莲县举行第九届樱桃采摘节\n"
            "发布时间：2023-05-20 09:45 来源：日照日报 作者：刘强\n"
            "【字体：大 中 小】\n"
            "本报讯（记者 刘强）5月19日，五莲县第九届樱桃采摘节在松柏镇开幕。县委副书记、县长张伟宣布开幕，"
            "来自各地的游客走进果园采摘樱桃。\n")
    pieces = split_page(page)
    assert len(pieces) == 1 and pieces[0][0].startswith("五莲县举行第九届樱桃采摘节")


def test_split_a_line_ending_in_a_number_does_not_run_into_one_starting_with_a_number():
    text = ("常德市召开安全生产工作会议\n发布时间：2023-09-20 来源：常德日报 浏览量：512\n"
            "9月19日，常德市召开安全生产工作会议，市长李爱武出席并讲话。")
    (_, body, _), = split_page(text)
    assert "\n9月19日" in body and "5129月" not in body


def test_split_a_notices_signature_closes_it_and_titles_nothing():
    """中共…纪检监察组 2020年11月17日 under a notice is its signature, not part of the next article's headline."""
    page = ("2020年考核巡查公告\n根据省安委会统一部署，考核组将于近日进驻我市开展考核巡查，欢迎社会各界监督，举报电话0731-8975128，"
            "来信请寄省纪委监委驻省应急厅纪检监察组。\n中共湖南省纪委监委驻省应急厅纪检监察组 2020年11月17日\n"
            "衡阳县新正街人防工程路面恢复通车\n本报讯（通讯员 王勤）11月20日上午，衡阳县新正街人防工程路面正式恢复通车。")
    titles = [t for t, _, _ in split_page(page)]
    assert titles[-1] == "衡阳县新正街人防工程路面恢复通车"
    assert any("2020年11月17日" in text for _, text, _ in split_page(page)[:-1])


def test_split_a_short_piece_of_a_sentence_cut_by_a_column_break_is_joined_back():
    """区委书记郑 | 晓峰出席并讲话，区委副书记、区长 | 陆文娟主持: short, and no headline; 市长 after a dateline's comma too."""
    page = ("蒸湘区召开优化营商环境大会\n本报讯（记者 欧阳澜）5月17日下午，蒸湘区召开优化营商环境大会。区委书记郑\n"
            "晓峰出席并讲话，区委副书记、区长\n陆文娟主持。会上，区发改局、区市场监管局作了表态发言。\n"
            "市长调研重点项目\n株洲新闻网讯（记者 刘晓峰）6月6日，市长\n张建斌率队到天元区调研重点项目建设，详细了解项目进展情况。")
    (t1, text1, _), (t2, text2, _) = split_page(page)
    assert "区委书记郑晓峰出席并讲话，区委副书记、区长陆文娟主持。" in text1
    assert t2 == "市长调研重点项目" and "6月6日，市长张建斌率队" in text2


def test_split_an_editors_footer_is_no_part_of_any_article():
    page = ("祁阳县召开安全生产工作会议\n本报讯（记者 唐凤鸣）12月9日，祁阳县召开安全生产工作会议。县委常委毛卫东出席会议并讲话。\n"
            "责任编辑：蒋丽 版式：邓晖 校对：易小华\n【编辑：黄佳】【审核：周立新】")
    (title, text, kind), = split_page(page)
    assert "易小华" not in text and "黄佳" not in text and "毛卫东" in text


def test_split_a_page_number_line_heads_no_article():
    page = "第A2版：要闻\n\n市委常委会召开会议\n本报讯（记者 欧阳澜）昨日，市委书记刘鸿远主持召开市委常委会会议。\n04 城市"
    (title, text, kind), = split_page(page)
    assert title == "市委常委会召开会议" and "04 城市" not in text


def test_split_a_dated_or_county_dateline_starts_an_article():
    page = ("市长调研重点项目建设\n株洲新闻网讯（记者 刘晓峰）6月6日，市长张建斌率队到天元区调研重点项目建设。\n"
            "本报6月6日讯（记者 梁洁）今天上午，市人大常委会会议开幕。\n本报于都讯（记者 钟敏）近日，于都县举办招聘会。")
    assert len(split_page(page)) == 3


def test_split_a_notice_reports_nothing():
    page = ("韶山举行文旅推介会\n本报讯（记者 李明）11月1日，韶山市在长沙举行文旅推介会，市长王强出席。\n"
            "招聘启事\n湘潭某公司因业务发展需要，现招聘会计2名，要求本科以上学历。联系人：刘小军。")
    assert [kind for _, _, kind in split_page(page)] == ["article", "ad"]


def test_split_a_line_that_leads_on_is_no_headline_of_a_new_article():
    """发布人：陈德兵（县人民政府副县长） or …人事任免事项： between two paragraphs is the article's own line, leading on to
    the next; it once cut the article in two, the press conference's attendees in the second (review round 23b). A
    kicker ending in a colon above a byline still heads its article (the test above)."""
    page = ("大方县召开“大方漆器”地理标志产品保护工作新闻发布会\n"
            "本报讯（记者 龙海燕）5月21日上午，大方县人民政府新闻办公室召开“大方漆器”地理标志产品保护工作新闻发布会。\n"
            "发布人：陈德兵（县人民政府副县长）\n"
            "发布会上，陈德兵介绍了大方漆器地理标志产品保护和产业发展情况。截至目前，全县有漆器生产企业32家，从业人员2600余人。\n")
    assert len(split_page(page)) == 1
