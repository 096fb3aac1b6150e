// 交换包: the county's packages for the city, and the city's imported county packages.
import { Space } from 'antd';
import { CityPackageCard } from './CityPackageCard';
import { CountyPackageCard } from './CountyPackageCard';

export function PackagesTab() {
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <CountyPackageCard />
      <CityPackageCard />
    </Space>
  );
}
