import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MyProgressView } from '../my-progress';

describe('MyProgressView', () => {
  it('shows each course with its status in words, progress, certificates with their links, competences and hours', () => {
    render(
      <MyProgressView
        progress={{
          learner_id: 'a3b7c8d9-0000-4000-8000-000000000001',
          full_name: 'Y Niê Học Viên',
          hours_completed: '4.0',
          courses: [
            { course_code: 'VNEID-DVC', title: 'Sử dụng VNeID và dịch vụ công trực tuyến', status: 'completed', progress: 100, completed_on: '2025-09-30', certificate_code: 'BDHVS-2025-ABC123', hours: '4' },
            { course_code: 'AN-TOAN-MANG', title: 'Sử dụng Internet an toàn', status: 'in_progress', progress: 40, completed_on: null, certificate_code: null, hours: '3' },
          ],
          competences: [{ code: 'VN.1.1', level: 1 }],
        }}
        competenceNames={new Map([['VN.1.1', 'Sử dụng thiết bị số']])}
      />,
    );

    expect(screen.getByText('Xin chào, Y Niê Học Viên.')).toBeInTheDocument();
    const courses = within(screen.getByRole('region', { name: 'Khóa học của tôi' }));
    expect(courses.getByText('Hoàn thành')).toBeInTheDocument();
    expect(courses.getByText('Đang học')).toBeInTheDocument();
    expect(courses.getByRole('progressbar', { name: 'Tiến độ khóa Sử dụng Internet an toàn' })).toHaveAttribute('aria-valuenow', '40');
    expect(courses.getByText('Hoàn thành ngày 30/09/2025')).toBeInTheDocument();

    const certificates = within(screen.getByRole('region', { name: 'Chứng nhận' }));
    expect(certificates.getByRole('link', { name: 'Kiểm tra chứng nhận' })).toHaveAttribute(
      'href',
      '/verify/BDHVS-2025-ABC123',
    );
    expect(certificates.getByRole('link', { name: /Tải PDF/ })).toHaveAttribute(
      'href',
      '/api/literacy/v1/certificates/BDHVS-2025-ABC123.pdf',
    );

    expect(within(screen.getByRole('region', { name: 'Năng lực số đã đạt' })).getByRole('listitem')).toHaveTextContent(
      'VN.1.1 Sử dụng thiết bị số · mức 1',
    );
    expect(screen.getByText('Giờ đã học').nextElementSibling).toHaveTextContent('4');
  });

  it('says what to do when there is nothing yet', () => {
    render(<MyProgressView progress={{ learner_id: 'x', full_name: null, hours_completed: '0', courses: [], competences: [] }} />);
    expect(screen.getByText('Bạn chưa ghi danh khóa học nào.')).toBeInTheDocument();
    expect(screen.getByText('Hoàn thành một khóa học để nhận chứng nhận.')).toBeInTheDocument();
  });
});
