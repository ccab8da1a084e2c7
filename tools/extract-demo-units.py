#!/usr/bin/env python3
"""Writes the demo hierarchy the application ships (src/main/resources/geography/demo/) from the national unit files in
../shared/data/admin-units/, which stay outside the repository.

The demo holds the localities of the five seed plans, before and after the reform of 1 July 2025: the whole province of
Cao Bằng, and the districts of Hồng Ngự (Đồng Tháp), Bình Long (Bình Phước), Tuần Giáo (Điện Biên) and Thọ Xuân (Thanh
Hóa) with all their communes; the current communes that continue them; and, so that the lineage is complete, the other
old communes merged into those current communes (with their old districts, which are therefore partial in the demo).

Usage: python3 tools/extract-demo-units.py [path/to/admin-units]
"""
import json
import os
import sys

source = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '..', '..', 'shared', 'data', 'admin-units')
target = os.path.join(os.path.dirname(__file__), '..', 'src', 'main', 'resources', 'geography', 'demo')

WHOLE_PROVINCES = {'04'}                      # Cao Bằng
DISTRICTS = {'870', '690', '099', '395'}      # Hồng Ngự, Bình Long, Tuần Giáo, Thọ Xuân

old = json.load(open(os.path.join(source, 'vn-units-2024-three-level.json'), encoding='utf-8'))
new = json.load(open(os.path.join(source, 'vn-units-2026-two-level.json'), encoding='utf-8'))
merges = json.load(open(os.path.join(source, 'vn-units-2025-merges-new-to-old.json'), encoding='utf-8'))['data']

old_communes = set()
for p in old:
    for d in p['District'] or []:
        if p['Code'] in WHOLE_PROVINCES or d['Code'] in DISTRICTS:
            old_communes.update(w['Code'] for w in d['Ward'] or [])

new_communes = set()
new_provinces = set()
for p in merges:
    for c in p['level2s']:
        if any(m['old_id'] in old_communes for m in c['merges']):
            new_communes.add(c['level2_id'])
            new_provinces.add(p['level1_id'])
            old_communes.update(m['old_id'] for m in c['merges'])

old_provinces = set()
lineage = []
for p in merges:
    if p['level1_id'] not in new_provinces:
        continue
    old_provinces.update(m['old_id'] for m in p['merges'])
    lineage.append({
        'level1_id': p['level1_id'], 'name': p['name'], 'merges': p['merges'],
        'level2s': [c for c in p['level2s'] if c['level2_id'] in new_communes],
    })

KEEP = ('Code', 'Name', 'NameEn', 'FullName', 'FullNameEn', 'CodeName')
def slim(unit):
    return {k: unit[k] for k in KEEP if k in unit}

old_tree = []
for p in old:
    districts = []
    for d in p['District'] or []:
        wards = [slim(w) for w in d['Ward'] or [] if w['Code'] in old_communes]
        if wards:
            districts.append(dict(slim(d), Ward=wards))
    if districts or p['Code'] in old_provinces:
        old_tree.append(dict(slim(p), District=districts))

new_tree = []
for p in new:
    if p['Code'] in new_provinces:
        new_tree.append(dict(slim(p), Wards=[slim(w) for w in p['Wards'] if w['Code'] in new_communes]))

os.makedirs(target, exist_ok=True)
def write(name, content):
    with open(os.path.join(target, name), 'w', encoding='utf-8') as f:
        json.dump(content, f, ensure_ascii=False, indent=1)
        f.write('\n')

write('units-before-2025-07-01.json', old_tree)
write('units-from-2025-07-01.json', new_tree)
write('lineage-2025.json', {'data': lineage})
print('old: %d provinces, %d districts, %d communes; new: %d provinces, %d communes; lineage rows: %d' % (
    len(old_tree), sum(len(p['District']) for p in old_tree), sum(len(d['Ward']) for p in old_tree for d in p['District']),
    len(new_tree), sum(len(p['Wards']) for p in new_tree), sum(len(c['merges']) for p in lineage for c in p['level2s'])))
