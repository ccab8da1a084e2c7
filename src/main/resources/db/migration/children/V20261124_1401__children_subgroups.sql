-- Sub-groups of Nghị định 56/2017/NĐ-CP transcribed for Vòng Tay; see the sources below. Data an administrator may correct.
-- Sub-groups of children in special circumstances (trẻ em có hoàn cảnh đặc biệt)
-- per Nghị định 56/2017/NĐ-CP ngày 09/05/2017 (hiệu lực 01/07/2017), Chương II, Điều 3-16,
-- detailing the 14 groups of Luật Trẻ em 102/2016/QH13, Điều 10 khoản 1.
--
-- Structure note: the decree enumerates sub-groups as numbered clauses (khoản 1., 2., 3. ...),
-- not as lettered points a), b), c). So legal_basis cites "Điều N khoản M".
-- Names are the decree's own sentences (trailing period dropped), not shortened. Text is Unicode NFC.
--
-- SOURCES
-- [S1] Full text of Điều 3-16 (only complete source found): Bộ Pháp điển, đề mục "Trẻ em"
--      (Điều 8.1.NĐ.1.3 - 8.1.NĐ.1.16 = Điều 3-16 Nghị định 56/2017/NĐ-CP), mirrored at
--      https://github.com/diepxuan/diepxuan.github.io/blob/1fab45a986fb64204019ddd7fad61a4d18626ffc/van-ban/dan-so-gia-dinh-tre-em-binh-dang-gioi/tre-em.md
--      (the Pháp điển marks other articles in the same file as amended, but none of Điều 3-16)
-- [S2] https://thuvienphapluat.vn/hoi-dap-phap-luat/iframe/573F4-hd-tre-mo-coi-khong-noi-nuong-tua-va-bi-bo-roi-la-the-nao.html
--      (groups a, b in full, c clauses 1-4 and part of 5, excerpt truncated after that)
-- [S3] https://hoatieu.vn/phap-luat/luat-tre-em-2016-va-14-nhom-tre-em-co-hoan-canh-dac-biet-188413
--      (table of all 14 groups. Only the a, b and first c rows were readable, and they match S1)
-- [S4] https://thuvienphapluat.vn/phap-luat/tim-tu-van?loc=right_news&page=198&q=T%E1%BA%A1m+%C4%91%C3%ACnh+ch%E1%BB%89+ch%E1%BA%A5p+h%C3%A0nh+%C3%A1n+ph%E1%BA%A1t+t%C3%B9
--      (c: end of clause 10, clauses 11 and 12, numbered (11), (12))
-- [S5] https://thuvienphapluat.vn/hoi-dap-phap-luat/2CC83-hd-tre-em-mac-benh-hiem-ngheo-hoac-benh-phai-dieu-tri-dai-ngay-thuoc-ho-ngheo-hoac-ho-can-ngheo-duoc-quy-dinh-nhu-the-nao.html
--      (n: Điều 15 khoản 1-2 in full)
-- [S6] https://hoatieu.vn/cac-truong-hop-duoc-xac-dinh-la-tre-em-bi-xam-hai-tinh-duc-124928
--      https://vietjack.me/phap-luat/nghi-dinh-56-2017-nd-cp/chuong-vii-6717.html
--      https://hanhkhatkito.net/2017/05/15/nhan-dien-nhung-kieu-xam-hai-tinh-duc-tre-em
--      (l: the 5 cases of sexual abuse. These pages give no clause numbers)
-- [S7] https://luathoanganh.vn/tre-em/phap-luat-quy-dinh-nhu-the-nao-ve-tre-em-vi-pham-phap-luat-thuoc-nhom-tre-em-co-hoan-canh-dac-biet-lha8674.html
--      (e: confirms only that the sub-groups are in Điều 8. The list itself was cut off in what I could read)
-- [S8] https://mntrangan.longbien.edu.vn/pho-bien-giao-duc-phap-luat-xa-hoi-pctn/phap-luat-quy-dinh-nhu-the-nao-ve-tre-em-bi-boc-lot-thuoc-nhom-tre-em-co-hoan-c/ct/10338/676700
--      (k: confirms Điều 12 and the start of khoản 1. The rest was cut off)
--
-- CROSS-CHECK STATUS
--   Checked against a second source (wording matches S1): a (4), b (2), c khoản 1-4, 10 (ending), 11, 12, l (5), n (2).
--   Checked only in part: c khoản 5 (S2 cut off mid-sentence), e (article number only, S7),
--     k (article number and start of khoản 1 only, S8).
--   ONLY ONE SOURCE (S1): c khoản 6-9, d (Điều 6), e clause texts (Điều 8), g (Điều 9),
--     h (Điều 10), k khoản 2-5 (Điều 12), m (Điều 14), o (Điều 16).
--     S1 is the official Pháp điển text, but please check these against vbpl.vn / congbao before release.
--   No source contradicted S1 on the wording of a sub-group. Small points:
--     * S1 has a typo in Điều 10 khoản 1 ("phố cập"). Written here as "phổ cập", matching khoản 2 and the Law.
--     * Điều 8 khoản 1 is copied as S1 prints it: "biện pháp xử lý hành chính, giáo dục tại xã, phường, thị trấn"
--       (with a comma). Khoản 2 of the same article has no comma. Check this against the gazette text.
--     * The S6 hoatieu page introduces the exploitation list as "Điều 11. Tr..." (cut off). S1 and S8 both put
--       trẻ em bị bóc lột in Điều 12 (Điều 11 is the violence group), so Điều 12 is used here.
--
-- GROUPS LEFT OUT (the decree gives no sub-groups, only one defining sentence):
--   đ) Trẻ em nhiễm HIV/AIDS - Điều 7 reads only: "Trẻ em nhiễm HIV/AIDS theo quy định pháp luật."
--   i) Trẻ em bị tổn hại nghiêm trọng về thể chất và tinh thần do bị bạo lực - Điều 11 is one
--      sentence defining the group (bạo lực leading to rối loạn tâm thần, hành vi, hạn chế khả năng
--      giao tiếp, học tập ... as concluded by a cơ quan giám định / cơ sở khám bệnh, chữa bệnh / người có
--      chuyên môn). It gives no numbered sub-groups.
--
-- Totals: a 4, b 2, c 12, d 3, e 4, g 2, h 2, k 5, l 5, m 2, n 2, o 3 = 46 rows.

INSERT INTO children.circumstance_subgroup (group_code, code, position, name, legal_basis) VALUES
  ('a', 'a1', 1, 'Trẻ em mồ côi cả cha và mẹ không có người chăm sóc', 'Điều 3 khoản 1 Nghị định 56/2017/NĐ-CP'),
  ('a', 'a2', 2, 'Trẻ em mồ côi cả cha và mẹ được nuôi dưỡng trong cơ sở cung cấp dịch vụ bảo vệ trẻ em hoặc cơ sở trợ giúp xã hội', 'Điều 3 khoản 2 Nghị định 56/2017/NĐ-CP'),
  ('a', 'a3', 3, 'Trẻ em mồ côi cả cha và mẹ sống với người thân thích', 'Điều 3 khoản 3 Nghị định 56/2017/NĐ-CP'),
  ('a', 'a4', 4, 'Trẻ em mồ côi cả cha và mẹ được nhận chăm sóc thay thế bởi cá nhân, gia đình không phải người thân thích, trừ trường hợp được nhận làm con nuôi', 'Điều 3 khoản 4 Nghị định 56/2017/NĐ-CP'),
  ('b', 'b1', 1, 'Trẻ em bị bỏ rơi chưa được chăm sóc thay thế', 'Điều 4 khoản 1 Nghị định 56/2017/NĐ-CP'),
  ('b', 'b2', 2, 'Trẻ em bị bỏ rơi được chăm sóc thay thế', 'Điều 4 khoản 2 Nghị định 56/2017/NĐ-CP'),
  ('c', 'c1', 1, 'Trẻ em mồ côi cha hoặc mẹ và người còn lại mất tích theo quy định của pháp luật', 'Điều 5 khoản 1 Nghị định 56/2017/NĐ-CP'),
  ('c', 'c2', 2, 'Trẻ em mồ côi cha hoặc mẹ và người còn lại đang hưởng chế độ chăm sóc, nuôi dưỡng tại cơ sở trợ giúp xã hội hoặc không còn khả năng chăm sóc, nuôi dưỡng', 'Điều 5 khoản 2 Nghị định 56/2017/NĐ-CP'),
  ('c', 'c3', 3, 'Trẻ em mồ côi cha hoặc mẹ và người còn lại đang chấp hành án phạt tù tại trại giam hoặc đang chấp hành quyết định đưa vào cơ sở giáo dục bắt buộc, cơ sở cai nghiện bắt buộc', 'Điều 5 khoản 3 Nghị định 56/2017/NĐ-CP'),
  ('c', 'c4', 4, 'Trẻ em có cả cha và mẹ mất tích theo quy định của pháp luật', 'Điều 5 khoản 4 Nghị định 56/2017/NĐ-CP'),
  ('c', 'c5', 5, 'Trẻ em có cha hoặc mẹ mất tích theo quy định của pháp luật và người còn lại đang hưởng chế độ chăm sóc, nuôi dưỡng tại cơ sở trợ giúp xã hội', 'Điều 5 khoản 5 Nghị định 56/2017/NĐ-CP'),
  ('c', 'c6', 6, 'Trẻ em có cha hoặc mẹ mất tích theo quy định của pháp luật và người còn lại đang chấp hành án phạt tù tại trại giam hoặc đang chấp hành quyết định đưa vào cơ sở giáo dục bắt buộc, cơ sở cai nghiện bắt buộc', 'Điều 5 khoản 6 Nghị định 56/2017/NĐ-CP'),
  ('c', 'c7', 7, 'Trẻ em có cả cha và mẹ không còn khả năng chăm sóc trẻ em', 'Điều 5 khoản 7 Nghị định 56/2017/NĐ-CP'),
  ('c', 'c8', 8, 'Trẻ em có cả cha và mẹ đang hưởng chế độ chăm sóc, nuôi dưỡng tại cơ sở trợ giúp xã hội', 'Điều 5 khoản 8 Nghị định 56/2017/NĐ-CP'),
  ('c', 'c9', 9, 'Trẻ em có cả cha và mẹ đang chấp hành án phạt tù tại trại giam hoặc đang chấp hành quyết định đưa vào cơ sở giáo dục bắt buộc, cơ sở cai nghiện bắt buộc', 'Điều 5 khoản 9 Nghị định 56/2017/NĐ-CP'),
  ('c', 'c10', 10, 'Trẻ em có cha hoặc mẹ đang hưởng chế độ chăm sóc, nuôi dưỡng tại cơ sở trợ giúp xã hội và người còn lại đang chấp hành án phạt tù tại trại giam hoặc đang chấp hành quyết định đưa vào cơ sở giáo dục bắt buộc, cơ sở cai nghiện bắt buộc', 'Điều 5 khoản 10 Nghị định 56/2017/NĐ-CP'),
  ('c', 'c11', 11, 'Trẻ em sống trong gia đình có cả cha và mẹ trong độ tuổi trẻ em', 'Điều 5 khoản 11 Nghị định 56/2017/NĐ-CP'),
  ('c', 'c12', 12, 'Trẻ em có cả cha và mẹ bị hạn chế quyền làm cha mẹ hoặc tạm thời cách ly khỏi cha hoặc mẹ theo quy định của pháp luật', 'Điều 5 khoản 12 Nghị định 56/2017/NĐ-CP'),
  ('d', 'd1', 1, 'Trẻ em khuyết tật đặc biệt nặng', 'Điều 6 khoản 1 Nghị định 56/2017/NĐ-CP'),
  ('d', 'd2', 2, 'Trẻ em khuyết tật nặng', 'Điều 6 khoản 2 Nghị định 56/2017/NĐ-CP'),
  ('d', 'd3', 3, 'Trẻ em khuyết tật nhẹ', 'Điều 6 khoản 3 Nghị định 56/2017/NĐ-CP'),
  ('e', 'e1', 1, 'Trẻ em vi phạm pháp luật đang bị áp dụng biện pháp xử lý hành chính, giáo dục tại xã, phường, thị trấn hoặc biện pháp đưa vào trường giáo dưỡng; đang bị áp dụng biện pháp thay thế xử lý vi phạm hành chính quản lý tại gia đình', 'Điều 8 khoản 1 Nghị định 56/2017/NĐ-CP'),
  ('e', 'e2', 2, 'Trẻ em vi phạm pháp luật chưa xác định được nơi cư trú ổn định đang chấp hành biện pháp xử lý hành chính giáo dục tại xã, phường, thị trấn, tại cơ sở cung cấp dịch vụ bảo vệ trẻ em, cơ sở trợ giúp xã hội', 'Điều 8 khoản 2 Nghị định 56/2017/NĐ-CP'),
  ('e', 'e3', 3, 'Trẻ em vi phạm pháp luật đang bị áp dụng biện pháp tư pháp giáo dục tại xã, phường, thị trấn hoặc đưa vào trường giáo dưỡng; đang bị áp dụng hình phạt cải tạo không giam giữ, tù có thời hạn hoặc tù có thời hạn nhưng được hưởng án treo', 'Điều 8 khoản 3 Nghị định 56/2017/NĐ-CP'),
  ('e', 'e4', 4, 'Trẻ em chấp hành xong hình phạt tù có thời hạn hoặc chấp hành xong biện pháp đưa vào trường giáo dưỡng', 'Điều 8 khoản 4 Nghị định 56/2017/NĐ-CP'),
  ('g', 'g1', 1, 'Trẻ em nghiện ma túy trong cơ sở cai nghiện', 'Điều 9 khoản 1 Nghị định 56/2017/NĐ-CP'),
  ('g', 'g2', 2, 'Trẻ em nghiện ma túy đang áp dụng biện pháp cai nghiện, điều trị nghiện tại gia đình, cộng đồng', 'Điều 9 khoản 2 Nghị định 56/2017/NĐ-CP'),
  ('h', 'h1', 1, 'Trẻ em phải bỏ học kiếm sống chưa hoàn thành phổ cập giáo dục trung học cơ sở không có người chăm sóc', 'Điều 10 khoản 1 Nghị định 56/2017/NĐ-CP'),
  ('h', 'h2', 2, 'Trẻ em phải bỏ học kiếm sống chưa hoàn thành phổ cập giáo dục trung học cơ sở sống cùng cha, mẹ hoặc người chăm sóc', 'Điều 10 khoản 2 Nghị định 56/2017/NĐ-CP'),
  ('k', 'k1', 1, 'Trẻ em bị bắt buộc tham gia lao động trái quy định của pháp luật về lao động', 'Điều 12 khoản 1 Nghị định 56/2017/NĐ-CP'),
  ('k', 'k2', 2, 'Trẻ em bị rủ rê, xúi giục, kích động, lợi dụng, lôi kéo, dụ dỗ, ép buộc tham gia các hoạt động trình diễn hoặc bị sử dụng trong sản xuất các sản phẩm khiêu dâm', 'Điều 12 khoản 2 Nghị định 56/2017/NĐ-CP'),
  ('k', 'k3', 3, 'Trẻ em bị rủ rê, xúi giục, kích động, lợi dụng, lôi kéo, dụ dỗ, ép buộc tham gia hoạt động du lịch mà bị xâm hại tình dục; bị cho, nhận hoặc cung cấp để hoạt động mại dâm', 'Điều 12 khoản 3 Nghị định 56/2017/NĐ-CP'),
  ('k', 'k4', 4, 'Trẻ em bị rủ rê, xúi giục, kích động, lợi dụng, lôi kéo, dụ dỗ, ép buộc tham gia hoạt động vận chuyển, mua bán, sản xuất, tàng trữ chất gây nghiện và các hàng hóa khác bị cấm giao dịch theo quy định của pháp luật', 'Điều 12 khoản 4 Nghị định 56/2017/NĐ-CP'),
  ('k', 'k5', 5, 'Trẻ em bị rủ rê, xúi giục, kích động, lợi dụng, lôi kéo, dụ dỗ, ép buộc tham gia các hoạt động trục lợi khác', 'Điều 12 khoản 5 Nghị định 56/2017/NĐ-CP'),
  ('l', 'l1', 1, 'Trẻ em bị hiếp dâm', 'Điều 13 khoản 1 Nghị định 56/2017/NĐ-CP'),
  ('l', 'l2', 2, 'Trẻ em bị cưỡng dâm', 'Điều 13 khoản 2 Nghị định 56/2017/NĐ-CP'),
  ('l', 'l3', 3, 'Trẻ em bị giao cấu', 'Điều 13 khoản 3 Nghị định 56/2017/NĐ-CP'),
  ('l', 'l4', 4, 'Trẻ em bị dâm ô', 'Điều 13 khoản 4 Nghị định 56/2017/NĐ-CP'),
  ('l', 'l5', 5, 'Trẻ em bị sử dụng vào mục đích mại dâm, khiêu dâm dưới mọi hình thức', 'Điều 13 khoản 5 Nghị định 56/2017/NĐ-CP'),
  ('m', 'm1', 1, 'Trẻ em bị mua bán trở về sống với cha, mẹ', 'Điều 14 khoản 1 Nghị định 56/2017/NĐ-CP'),
  ('m', 'm2', 2, 'Trẻ em bị mua bán trở về được nhận chăm sóc thay thế', 'Điều 14 khoản 2 Nghị định 56/2017/NĐ-CP'),
  ('n', 'n1', 1, 'Trẻ em thuộc hộ nghèo mắc bệnh hiểm nghèo hoặc bệnh phải điều trị dài ngày theo quy định của cơ quan có thẩm quyền', 'Điều 15 khoản 1 Nghị định 56/2017/NĐ-CP'),
  ('n', 'n2', 2, 'Trẻ em thuộc hộ cận nghèo mắc bệnh hiểm nghèo hoặc bệnh phải điều trị dài ngày theo quy định của cơ quan có thẩm quyền', 'Điều 15 khoản 2 Nghị định 56/2017/NĐ-CP'),
  ('o', 'o1', 1, 'Trẻ em là công dân Việt Nam di cư, lánh nạn trong nước chưa xác định được cha mẹ hoặc không có người chăm sóc', 'Điều 16 khoản 1 Nghị định 56/2017/NĐ-CP'),
  ('o', 'o2', 2, 'Trẻ em có quốc tịch nước ngoài di cư, lánh nạn, tị nạn không có người chăm sóc', 'Điều 16 khoản 2 Nghị định 56/2017/NĐ-CP'),
  ('o', 'o3', 3, 'Trẻ em chưa xác định được quốc tịch, chưa xác định được cha mẹ hoặc không có người chăm sóc di cư, lánh nạn, tị nạn vào Việt Nam', 'Điều 16 khoản 3 Nghị định 56/2017/NĐ-CP');
