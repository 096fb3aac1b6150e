import { describe, expect, it } from 'vitest';
import { enterpriseImportFields } from '../../../shared/import';
import { detectHeader } from '../sheets/headers';
import { enterpriseColumnAliases } from './columns';

const detect = (rows: (string | null)[][]) => detectHeader(rows, enterpriseColumnAliases);

describe('enterprise column names', () => {
  it('has names for every import field, none claimed by two fields', () => {
    expect(Object.keys(enterpriseColumnAliases).sort()).toEqual(enterpriseImportFields.map((f) => f.key).sort());
    const owner = new Map<string, string>();
    for (const [field, names] of Object.entries(enterpriseColumnAliases)) {
      for (const n of names) {
        expect(owner.get(n), `${n} 同时属于 ${owner.get(n)} 和 ${field}`).toBeUndefined();
        owner.set(n, field);
      }
    }
  });

  it('reads the registration system export', () => {
    const header = ['统一社会信用代码', '企业名称', '法定代表人', '企业类型', '成立日期', '登记状态', '住所', '登记机关', '管辖单位', '行业门类'];
    expect(detect([header])).toEqual({
      headerIndex: 0,
      mapping: { uscc: 0, name: 1, legalRep: 2, entityType: 3, establishedOn: 4, status: 5, address: 6, industry: 9 },
    });
  });

  it('reads a city list with a title row above the header', () => {
    const rows = [
      ['华容县市场主体名录（2024 年 1 月）', null, null, null, null, null],
      ['市场主体名称', '统一社会信用代码（注册号）', '法定代表人（负责人）', '住所（经营场所）', '乡镇（街道）', '市场主体类型'],
      ['华容县甲商贸有限公司', '91430623MA4L000001', '张三', '章华镇人民路 8 号', '章华镇', '有限责任公司'],
    ];
    expect(detect(rows)).toEqual({
      headerIndex: 1,
      mapping: { name: 0, uscc: 1, legalRep: 2, address: 3, township: 4, entityType: 5 },
    });
  });

  it('reads a clerk-made table starting with 序号 and marking required columns', () => {
    const rows = [
      ['填报单位：华容县市场监督管理局章华所', null, null, '填报日期：2024-01-05'],
      ['序号', '*名称', '*统一社会信用代码', '经营者', '经营者身份证号', '手机号码', '所属网格', '信用风险分类', '监管类别', '备注'],
    ];
    expect(detect(rows)).toEqual({
      headerIndex: 1,
      mapping: {
        name: 1, uscc: 2, legalRep: 3, idNumber: 4, phone: 5, grid: 6, creditClass: 7, supervisionClass: 8, riskNotes: 9,
      },
    });
  });

  it('reads an individual-business list with notes in the header cells', () => {
    const header = ['个体工商户名称', '注册号', '经营者姓名', '公民身份号码', '经营场所', '所属乡镇', '开业日期(yyyy-mm-dd)', '经营状态', '曾用名', '标签'];
    expect(detect([[], header])).toEqual({
      headerIndex: 1,
      mapping: {
        name: 0, uscc: 1, legalRep: 2, idNumber: 3, address: 4, township: 5, establishedOn: 6, status: 7, formerNames: 8, tags: 9,
      },
    });
  });

  it('reads a 双随机 check list where the company column has another name', () => {
    const header = ['序号', '检查对象名称', '统一社会信用代码', '法定代表人联系电话', '所属行业', '风险等级', '风险提示'];
    expect(detect([header])).toEqual({
      headerIndex: 0,
      mapping: { name: 1, uscc: 2, phone: 3, industry: 4, creditClass: 5, riskNotes: 6 },
    });
  });
});
